using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

/// <summary>
/// Lines the vectorized scanner cuts into 64-character blocks and 16-character chunks: elements, gaps and bad
/// characters placed exactly on those edges, against the same simple reference the property tests use.
/// </summary>
public class HeaderListBlockTests
{
    private static (bool Valid, List<string> Items) Scan(string line)
    {
        using var response = Responses.With(("Access-Control-Allow-Headers", line));
        var collector = new ReferenceListParser.Collector();
        var valid = HeaderList.Scan(Responses.Field(response, "Access-Control-Allow-Headers"), ref collector, out _);
        return (valid, collector.Items);
    }

    private static void ShouldAgreeWithTheReference(string line)
    {
        var expected = ReferenceListParser.Parse(line);
        var actual = Scan(line);

        actual.Valid.Should().Be(expected.Valid, "for \"{0}\" ({1} characters)", line, line.Length);
        if (expected.Valid)
        {
            actual.Items.Should().Equal(expected.Items, "for \"{0}\"", line);
        }
    }

    private static void ShouldVisit(string line, params string[] expected)
    {
        var (valid, items) = Scan(line);

        valid.Should().BeTrue("\"{0}\" is a valid list", line);
        items.Should().Equal(expected);
    }

    // A filler of `length` characters that is one element: "x-aaaa…".
    private static string Element(int length) => "x-" + new string('a', length - 2);

    public static TheoryData<int> EdgeLengths => [15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 66, 127, 128, 129, 200];

    [Theory]
    [MemberData(nameof(EdgeLengths))]
    public void OneElement_OfEveryEdgeLength_IsVisitedWhole(int length)
    {
        var line = Element(length);

        ShouldVisit(line, line);
    }

    [Theory]
    [MemberData(nameof(EdgeLengths))]
    public void AnElementEndingAtEachEdge_ThenAnother(int length)
    {
        ShouldAgreeWithTheReference(Element(length) + ",X-Next");
        ShouldAgreeWithTheReference(Element(length) + " , X-Next , ");
        ShouldAgreeWithTheReference(", " + Element(length - 2) + ",");
    }

    [Theory]
    [MemberData(nameof(EdgeLengths))]
    public void AGapWithoutAComma_AtEachEdge_IsInvalid(int length)
    {
        // "x-aaa…a X-B": two words in one element, the space on or next to the edge.
        Scan(Element(length - 1) + " X-B").Valid.Should().BeFalse();
        Scan(Element(length) + "\tX-B").Valid.Should().BeFalse();
        Scan(Element(length) + "   \t   X-B").Valid.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(EdgeLengths))]
    public void ABadCharacter_AtEachEdge_IsInvalid(int length)
    {
        foreach (var bad in "\";/@\u0000\u007f\u00e9\u0141\u012c\u0120\uff21")
        {
            var line = Element(length - 1) + bad + ", X-B";

            Scan(line).Valid.Should().BeFalse("'{0}' (U+{1:X4}) sits at index {2}", bad, (int)bad, length - 1);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    [InlineData(16)]
    public void AShortLine_ThatIsOneName_IsVisitedWhole_AndAnyOtherCharacterInIt_IsNotANameAlone(int length)
    {
        var name = Element(length);
        ShouldVisit(name, name);
        for (var at = 0; at < length; at++)
        {
            foreach (var other in " \t,\";@\u0000\u00e9\u0141\u012c\u0120\uff21")
            {
                ShouldAgreeWithTheReference(name[..at] + other + name[(at + 1)..]);
            }
        }
    }

    [Fact]
    public void ManyShortElements_AcrossSeveralBlocks_AreAllVisitedInOrder()
    {
        var names = Enumerable.Range(0, 60).Select(i => $"X-{i}").ToArray();
        var line = string.Join(" ,  , ", names) + ", ,";

        ShouldVisit(line, names);
    }

    [Fact]
    public void OnlySeparators_OverSeveralBlocks_IsAValidEmptyList() =>
        ShouldVisit(string.Concat(Enumerable.Repeat(" , \t", 40)));

    [Fact]
    public void EveryShiftOfAThreeElementList_AgreesWithTheReference()
    {
        for (var padding = 0; padding < 140; padding++)
        {
            ShouldAgreeWithTheReference(new string(' ', padding) + "GET, X-Custom-Header ,PUT");
            ShouldAgreeWithTheReference(new string(',', padding) + "GET X-Custom-Header");
        }
    }
}
