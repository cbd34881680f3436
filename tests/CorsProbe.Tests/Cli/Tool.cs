using CorsProbing.Cli;

namespace CorsProbing.Tests.Cli;

/// <summary>Runs the <c>corsprobe</c> command in process with plain output, as when it is redirected.</summary>
internal static class Tool
{
    /// <summary>The exit code and what the command wrote to standard output and standard error.</summary>
    public static async Task<(int Code, string Output, string Error)> Run(HttpMessageHandler? handler, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CorsProbeCommand.RunAsync(args, output, error, handler);
        return (code, output.ToString(), error.ToString());
    }
}
