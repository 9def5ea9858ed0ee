namespace Crawler.Dedup.Imaging;

/// <summary>The bars an image must clear to be used in a pair.</summary>
/// <param name="NearBlankDeviation">Images whose pixels vary less than this (0-255 scale) count as blank.</param>
public sealed record QualityThresholds(int MinShortSide, double MaxAspectRatio, AnimatedImages Animated, double NearBlankDeviation);
