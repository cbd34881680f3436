using System.Text.RegularExpressions;
using CorsProbing.Testing;

namespace CorsProbing.Tests.Docs;

/// <summary>
/// The README's C# snippets are what users copy first: every asynchronous call in them passes the cancellation token its
/// context has, and a snippet that runs in a test passes xunit's.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private static readonly string[] Tokens = ["ct", "cancellationToken", "TestContext.Current.CancellationToken"];

    [Fact]
    public void EveryAwaitedCallInTheReadme_PassesACancellationToken()
    {
        var missing = from snippet in Snippets()
                      from call in AwaitedCalls(snippet)
                      where !Tokens.Any(token => call.Arguments.Split(',').Any(argument => argument.Trim() == token))
                      select call.Text;

        missing.Should().BeEmpty("a copied snippet should stop when its caller is cancelled");
    }

    [Fact]
    public void EveryTestSnippetInTheReadme_PassesXunitsToken()
    {
        var tests = Snippets().Where(snippet => snippet.Contains("UsingHandler(", StringComparison.Ordinal)).ToList();

        tests.Should().NotBeEmpty();
        tests.SelectMany(AwaitedCalls).Select(call => call.Arguments)
            .Should().AllSatisfy(arguments => arguments.Should().Contain("TestContext.Current.CancellationToken"));
    }

    private static IEnumerable<string> Snippets() =>
        CSharpBlock().Matches(File.ReadAllText(Path.Combine(Repository.Root, "README.md"))).Select(match => match.Groups[1].Value);

    // Each statement that awaits, up to its semicolon or opening brace: the last call ending in "Async(...)" is the one awaited.
    private static IEnumerable<(string Text, string Arguments)> AwaitedCalls(string snippet) =>
        from statement in Statement().Matches(snippet)
        let calls = AsyncCall().Matches(statement.Value)
        where calls.Count > 0
        select (statement.Value.Trim(), calls[^1].Groups[1].Value);

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"\bawait (?!using)[^;{]*", RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\w+Async\(([^()]*(?:\([^()]*\)[^()]*)*)\)")]
    private static partial Regex AsyncCall();
}
