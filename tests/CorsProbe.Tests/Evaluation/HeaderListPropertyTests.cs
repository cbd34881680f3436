using System.Net;
using CorsProbing.Evaluation;
using CsCheck;

namespace CorsProbing.Tests.Evaluation;

/// <summary>
/// The one list tokenizer against a deliberately simple reference parser, on random header values: empty items,
/// quotes, tabs, control and non-ASCII characters, very long lists and repeated header lines.
/// </summary>
public class HeaderListPropertyTests
{
    // Pieces a sloppy or hostile server might put in a list.
    private static readonly Gen<string> Token = Gen.String[Gen.Char[ReferenceListParser.TokenChars], 1, 12];
    private static readonly Gen<string> Noise = Gen.OneOf(
        Gen.Const(""), Gen.Const(" "), Gen.Const("\t"), Gen.Const("  \t "),
        Gen.Const("\"GET, PUT\""), Gen.Const("\""), Gen.Const(";"), Gen.Const("a b"), Gen.Const("x\u0001y"),
        Gen.Const("é"), Gen.Const("\u007f"),
        // Past U+00FF, with a low byte that is a list character: a narrowing that truncates would accept them.
        Gen.Const("\u0141"), Gen.Const("\u012C"), Gen.Const("\u0120"), Gen.Const("\uFF21"), Gen.Const("\u2009"), Gen.Const("/"), Gen.Const("*"), Gen.Const("GET"), Gen.Const("put"),
        Gen.String[Gen.Char[" \t,;\"()<>@:\\/[]?={}\u0000\u00e9\u007fab"], 0, 6]);

    private static readonly Gen<string> Item = Gen.Frequency(
        (6, Token),
        (2, Noise),
        (1, Token.Select(t => " \t" + t + "\t ")),
        (1, Gen.Select(Token, Token, (a, b) => a + " " + b)));
    private static readonly Gen<string> Separator = Gen.OneOf(Gen.Const(","), Gen.Const(", "), Gen.Const(" ,  , "), Gen.Const(",,"), Gen.Const("\t,\t"));

    private static readonly Gen<string> Line =
        Gen.Select(Item.Array[0, 50], Separator, (items, separator) => string.Join(separator, items));

    private static readonly Gen<string[]> Lines = Gen.Frequency(
        (8, Line.Array[1, 3]),
        (1, Item.Array[150, 250].Select(items => new[] { string.Join(", ", items) })));

    private static HttpResponseMessage ResponseWith(string[] lines)
    {
        var response = new HttpResponseMessage(HttpStatusCode.NoContent);
        foreach (var line in lines)
        {
            response.Headers.TryAddWithoutValidation("Access-Control-Allow-Methods", line);
        }

        return response;
    }

    [Fact]
    public void Parse_AgreesWithTheReference_OnValidityAndElements()
    {
        Lines.Sample(lines =>
        {
            using var response = ResponseWith(lines);

            var list = HeaderList.Parse(Responses.Field(response, "Access-Control-Allow-Methods"));

            var expected = ReferenceListParser.Parse(lines);
            (list.Invalid is null).Should().Be(expected.Valid, "for {0}", string.Join(" | ", lines));
            if (list.Invalid is null)
            {
                list.Elements.Should().Equal(expected.Items);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Parse_NamesAnInvalidElement_ThatIsNotAToken_ForEveryInvalidList()
    {
        Lines.Sample(lines =>
        {
            using var response = ResponseWith(lines);

            var list = HeaderList.Parse(CorsHeaderValues.Read(Responses.Snapshot(response)).AllowMethods);

            if (list.Invalid is { } text)
            {
                text.Should().NotBeEmpty().And.Be(text.Trim(' ', '\t'));
                text.All(c => ReferenceListParser.TokenChars.Contains(c)).Should().BeFalse("`{0}` was reported as the invalid element", text);
            }
        }, iter: 10_000);
    }
}
