using CorsProbing.Cli;

return await CorsProbeCommand.RunAsync(args, CliEnvironment.FromConsole());
