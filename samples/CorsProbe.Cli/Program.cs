using CorsProbing.Cli;

return await CorsProbeCommand.RunAsync(args, Console.Out, Console.Error);
