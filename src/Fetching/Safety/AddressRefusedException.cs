namespace Crawler.Fetching.Safety;

/// <summary>Thrown before connecting when every address of a host is forbidden by <see cref="AddressPolicy"/>.</summary>
public sealed class AddressRefusedException(string message) : Exception(message);
