namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>What a generated image is to its source photo, and so what the dedup must do with it.</summary>
public enum VariantGroup
{
    /// <summary>The photo as it was found.</summary>
    Original,

    /// <summary>Resized, JPEG quality 30, a small caption: must join the original's cluster.</summary>
    Duplicate,

    /// <summary>A 10-20% crop, a mirror image, a small rotation: should join it.</summary>
    HardDuplicate,

    /// <summary>A large pasted object, a stylisation, a strong hue shift: must stay out of it.</summary>
    LargeEdit,

    /// <summary>A small object removed, a word added, a blemish retouched: the pair filter must keep these as edits.</summary>
    SmallEdit,
}

/// <summary>One image of the evaluation: which photo it came from, its group and the change that made it.</summary>
public sealed record EvaluationImage(int Source, string Photo, VariantGroup Group, string Change, byte[] Bytes);
