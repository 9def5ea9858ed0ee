namespace Crawler.Rewrite.Llm;

/// <summary>A versioned system prompt, <c>config/prompts/&lt;version&gt;.md</c>; the version is stored on every row it produced.</summary>
public sealed record PromptFile(string Version, string Text)
{
    public static string PathOf(string directory, string version) => Path.Combine(directory, version + ".md");

    /// <exception cref="FileNotFoundException">The version names no file.</exception>
    public static PromptFile Load(string directory, string version) =>
        new(version, File.ReadAllText(PathOf(directory, version)).Trim());
}
