using System.Globalization;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;

namespace Crawler.Bench.Gpu;

/// <summary>
/// How decoding scales with threads on this machine, beside plain arithmetic on as many threads: when the
/// arithmetic scales and decoding does not, the decoders contend for something shared (locks, the memory
/// allocator, page faults); when neither scales, the machine gives fewer cores than it shows.
/// </summary>
internal static class DecodeScaling
{
    public static void Run(IReadOnlyList<byte[]> photos, double seconds)
    {
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        var model = PerceptualModel.Create();
        var preprocessor = new ImagePreprocessor(model.InputSize, model.Mean, model.Std);
        var images = Enumerable.Range(0, 1024).Select(i => photos[i % photos.Count]).ToArray();
        Console.WriteLine("threads  decode images/s (per thread)  arithmetic Mop/s (per thread)");
        for (var threads = 1; threads <= Environment.ProcessorCount; threads *= 2)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            var decode = Throughput.Measure(() => Parallel.For(0, images.Length, options,
                () => new float[preprocessor.Length],
                (i, _, scratch) =>
                {
                    preprocessor.Write<float>(images[i], scratch, i);
                    return scratch;
                },
                _ => { }), images.Length, seconds);
            const int chunk = 1 << 20;
            var arithmetic = Throughput.Measure(() => Parallel.For(0, threads * 8, options, _ => Spin(chunk)), threads * 8 * chunk, seconds) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{threads,7}  {decode,10:0.0} ({decode / threads,7:0.0})            {arithmetic,10:0.0} ({arithmetic / threads,7:0.0})"));
        }
    }

    private static double Spin(int steps)
    {
        var x = 1.0;
        for (var i = 0; i < steps; i++)
        {
            x = (x * 1.000001) + 1e-9;
        }
        return x;
    }
}
