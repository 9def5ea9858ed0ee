using System.ComponentModel.DataAnnotations;

namespace Crawler.Rewrite;

/// <summary>
/// Which rewriter runs and how it may use its endpoint; bound from <c>Rewrite</c>. With no
/// <see cref="Endpoint"/> the deterministic rules rewriter runs and rows say <c>rewrite_model=rules</c>.
/// </summary>
public sealed class RewriteOptions
{
    public const string Section = "Rewrite";

    /// <summary>Base URL of an OpenAI-compatible API, e.g. <c>http://127.0.0.1:8000/v1</c>; empty for the rules rewriter.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model name sent to the endpoint and stored on every row.</summary>
    public string? Model { get; set; }

    /// <summary>Name of the environment variable holding the API key (the key itself never sits in a file); local servers need none.</summary>
    [Required]
    public string ApiKeyVariable { get; set; } = "CRAWLER_REWRITE_API_KEY";

    /// <summary>Prompt file <c>config/prompts/&lt;PromptVersion&gt;.md</c>; its name is stored on every row.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9._-]{0,63}$", ErrorMessage = "The PromptVersion field must be a file stem such as rewrite-v1.")]
    public string PromptVersion { get; set; } = "rewrite-v1";

    /// <summary>
    /// Prompt file for battle pairs (an edit that answered no request): the model describes the edit from the two
    /// images as an instruction. Stored on their rows as <see cref="PromptVersion"/> is on the others'.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9._-]{0,63}$", ErrorMessage = "The BattlePromptVersion field must be a file stem such as describe-edit-v1.")]
    public string BattlePromptVersion { get; set; } = "describe-edit-v1";

    /// <summary><c>json_schema</c> (constrained decoding) or <c>json_in_text</c> for servers without it.</summary>
    [Required]
    [AllowedValues(ResponseModes.JsonSchema, ResponseModes.JsonInText)]
    public string ResponseFormat { get; set; } = ResponseModes.JsonSchema;

    /// <summary>One attempt's limit; a slower answer is abandoned and retried.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Requests in flight at once, across the whole process.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Requests started per minute, retries included; evenly spaced.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Retries of one call after a 429, a 5xx, a timeout or a dropped connection.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay when the server gives no Retry-After; doubled per retry.</summary>
    [Range(1, 600)]
    public int RetryDelaySeconds { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited out in the call; the item is retried later by the pipeline.</summary>
    [Range(1, 3600)]
    public int MaxRetryAfterSeconds { get; set; } = 120;

    /// <summary>Longest side of the images sent, in pixels.</summary>
    [Range(64, 4096)]
    public int ImageMaxSide { get; set; } = 768;

    /// <summary>Cap on the answer's length in tokens.</summary>
    [Range(16, 32_768)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>
    /// The request field that carries <see cref="MaxOutputTokens"/>: <c>max_completion_tokens</c> (OpenAI, vLLM) or
    /// <c>max_tokens</c> (Ollama, llama.cpp, which ignore the other).
    /// </summary>
    [Required]
    [AllowedValues("max_completion_tokens", "max_tokens")]
    public string MaxTokensField { get; set; } = "max_completion_tokens";

    public bool UsesEndpoint => !string.IsNullOrWhiteSpace(Endpoint);
}

/// <summary>How the answer's JSON shape is asked for.</summary>
public static class ResponseModes
{
    /// <summary><c>response_format: {type: json_schema}</c>: the server constrains decoding to the schema.</summary>
    public const string JsonSchema = "json_schema";

    /// <summary>The schema is spelled out in the prompt and the JSON is read from the answer's text.</summary>
    public const string JsonInText = "json_in_text";
}
