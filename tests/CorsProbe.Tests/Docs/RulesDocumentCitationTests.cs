using System.Text.RegularExpressions;
using CorsProbing.Testing;

namespace CorsProbing.Tests.Docs;

/// <summary>
/// Source comments cite the project's rules document by its headings (<c>docs/cors-rules.md, "Redirects"</c>); these
/// tests fail when a citation names no heading or a heading the document does not have, so the two cannot drift apart.
/// </summary>
public partial class RulesDocumentCitationTests
{
    private static readonly string RulesDocument = Path.Combine(Repository.Root, "docs", "cors-rules.md");

    public static TheoryData<string, string> Citations()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            // A citation may wrap onto the next comment line: read the comments of a file as one text.
            var comments = string.Join(" ", File.ReadLines(file).Select(line => line.Trim()).Where(line => line.StartsWith("//", StringComparison.Ordinal))
                .Select(line => line.TrimStart('/').Trim()));
            foreach (Match citation in Citation().Matches(comments))
            {
                data.Add(Path.GetRelativePath(Repository.Root, file), citation.Value);
            }
        }

        return data;
    }

    [Fact]
    public void TheSourceCitesTheRulesDocument()
    {
        Citations().Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Citations))]
    public void EveryCitation_NamesHeadingsTheRulesDocumentHas(string file, string citation)
    {
        var headings = File.ReadLines(RulesDocument).Where(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim()).ToHashSet(StringComparer.Ordinal);
        var cited = Heading().Matches(citation).Select(match => match.Groups[1].Value).ToList();

        cited.Should().NotBeEmpty($"{file} cites docs/cors-rules.md without naming a heading: {citation}");
        cited.Should().OnlyContain(heading => headings.Contains(heading), $"{file} cites {citation}, and the headings are {string.Join(" | ", headings)}");
    }

    // "docs/cors-rules.md" and what follows it up to the closing parenthesis: the headings, quoted.
    [GeneratedRegex(@"docs/cors-rules\.md[^)]*")]
    private static partial Regex Citation();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex Heading();
}
