namespace Crawler.Parsers;

/// <summary>A document that does not have the shape its parser expects. The message is the recorded reason.</summary>
public class PageFormatException : Exception
{
    public PageFormatException(string message) : base(message) { }

    public PageFormatException(string message, Exception inner) : base(message, inner) { }
}
