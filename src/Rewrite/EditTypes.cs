namespace Crawler.Rewrite;

/// <summary>The fixed list of edit types an instruction is labelled with.</summary>
public static class EditTypes
{
    public const string RemoveObject = "remove_object";
    public const string AddObject = "add_object";
    public const string Replace = "replace";
    public const string Background = "background";
    public const string ColourTone = "colour_tone";
    public const string RestoreRepair = "restore_repair";
    public const string Retouch = "retouch";
    public const string Text = "text";
    public const string Style = "style";
    public const string CropCompose = "crop_compose";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [RemoveObject, AddObject, Replace, Background, ColourTone, RestoreRepair, Retouch, Text, Style, CropCompose, Other];
}
