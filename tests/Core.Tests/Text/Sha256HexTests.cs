using Crawler.Core.Text;

namespace Crawler.Core.Tests.Text;

public sealed class Sha256HexTests
{
    [Fact]
    public void Of_GivesTheFips180TestVector_ForAbc() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256Hex.Of("abc"));

    [Theory]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true)]
    [InlineData("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("ba7816bf", false)]
    public void IsValid_AcceptsOnlyLowerCaseHexOf64Characters(string value, bool expected) =>
        Assert.Equal(expected, Sha256Hex.IsValid(value));
}
