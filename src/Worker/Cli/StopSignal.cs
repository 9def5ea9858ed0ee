using System.Runtime.InteropServices;

namespace Crawler.Worker.Cli;

/// <summary>
/// Turns the first SIGINT (Ctrl+C) or SIGTERM into the cancellation of a verb's work: the verb stops at its
/// next safe point with everything done so far committed, so running it again resumes. A second signal is
/// left to its default and ends the process at once.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    public StopSignal() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that asked the verb to stop; null while none has.</summary>
    public PosixSignal? Received => _received == 0 ? null : (PosixSignal)_received;

    /// <summary>The shell's convention for a process ended by a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode => Received == PosixSignal.SIGINT ? 130 : 143;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) != 0)
        {
            return; // the second signal: not cancelled, so the process ends
        }
        context.Cancel = true;
        // Cancelled off the signal thread: the token's callbacks may take a moment.
        _ = _stop.CancelAsync();
    }
}
