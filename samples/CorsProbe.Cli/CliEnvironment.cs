using Spectre.Console;

namespace CorsProbing.Cli;

/// <summary>
/// Where the command reads and writes. <see cref="Rich"/> is set when standard output is a terminal: reports are then
/// coloured tables and batches show progress; otherwise (redirected, piped, tests) the output is plain text.
/// </summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Input">Standard input, for <c>--input -</c>.</param>
/// <param name="Rich">The terminal, or <see langword="null"/> for plain text.</param>
public sealed record CliEnvironment(TextWriter Output, TextWriter Error, TextReader Input, IAnsiConsole? Rich)
{
    /// <summary>The process's console: rich when standard output is not redirected.</summary>
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Console.In, Console.IsOutputRedirected ? null : AnsiConsole.Console);
}
