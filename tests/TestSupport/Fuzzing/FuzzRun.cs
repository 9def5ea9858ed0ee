using Xunit;

namespace Crawler.TestSupport.Fuzzing;

/// <summary>
/// Runs mutated inputs through code that must either accept each one or refuse it with a reason: an
/// exception of any other kind, a refusal without a reason, an input still running after its time limit, or
/// one allocating beyond its bound fails the test, naming the mutation that did it.
/// </summary>
public static class FuzzRun
{
    /// <param name="attempt">Returns null when it accepted the input, else the reason it refused it.</param>
    /// <param name="maxAllocated">The most an input of a given length may allocate on its thread, in bytes.</param>
    public static async Task<FuzzTally> RunAsync(IEnumerable<Mutant> inputs, Func<byte[], string?> attempt, TimeSpan perInput, Func<long, long> maxAllocated)
    {
        var tally = new FuzzTally();
        foreach (var input in inputs)
        {
            (string? Reason, long Allocated) outcome;
            var run = Task.Run(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var reason = attempt(input.Bytes);
                return (reason, GC.GetAllocatedBytesForCurrentThread() - before);
            });
            try
            {
                outcome = await run.WaitAsync(perInput);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{input.Name}: still running after {perInput.TotalSeconds:0} s (a hang guard: inputs take milliseconds)");
                throw;
            }
            catch (Exception e)
            {
                Assert.Fail($"{input.Name}: neither accepted nor refused with a reason, but threw {e}");
                throw;
            }
            Assert.True(outcome.Allocated <= maxAllocated(input.Bytes.Length),
                $"{input.Name}: allocated {outcome.Allocated:N0} bytes for {input.Bytes.Length:N0} bytes of input, over the bound of {maxAllocated(input.Bytes.Length):N0}");
            if (outcome.Reason is null)
            {
                tally.Accepted++;
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(outcome.Reason), $"{input.Name}: refused without a reason");
                tally.Refused++;
                tally.Reasons.Add(outcome.Reason);
            }
        }
        return tally;
    }

    /// <summary>
    /// <paramref name="count"/> mutations spread evenly over <paramref name="seeds"/>, drawn lazily (some are megabytes).
    /// Donors for splices are the seeds themselves.
    /// </summary>
    public static IEnumerable<Mutant> Mutants(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int count, int seed, MutationGrammar grammar)
    {
        var mutator = new Mutator(seed, grammar);
        var donors = seeds.Select(s => s.Bytes).ToList();
        for (var i = 0; i < count; i++)
        {
            var (name, bytes) = seeds[i % seeds.Count];
            yield return mutator.Next($"#{i} of seed {seed}, {name}", bytes, donors);
        }
    }
}

/// <summary>How many inputs were accepted and refused, and the reasons given.</summary>
public sealed class FuzzTally
{
    public int Accepted { get; set; }

    public int Refused { get; set; }

    public HashSet<string> Reasons { get; } = [];

    public int Total => Accepted + Refused;
}
