using Microsoft.Extensions.Options;

namespace CorsProbing.Extensions.Http;

/// <summary>Checks bound options by the builder's own rules, so a bad configuration fails at start-up with the reason, not at the first probe.</summary>
internal sealed class CorsProbeOptionsValidation : IValidateOptions<CorsProbeOptions>
{
    public ValidateOptionsResult Validate(string? name, CorsProbeOptions options)
    {
        var failures = new List<string>();
        var probe = CorsProbe.For("https://options.check.invalid/");
        if (options.DefaultOrigin is { } origin)
        {
            Check(failures, () => probe.WithOrigin(origin), nameof(options.DefaultOrigin));
        }

        if (options.Timeout is { } timeout)
        {
            Check(failures, () => probe.WithTimeout(timeout), nameof(options.Timeout));
        }

        Check(failures, () => probe.UsingProfile(options.Profile), nameof(options.Profile));
        Check(failures, () => new CorsBatchOptions { MaxConcurrency = options.MaxConcurrency, MaxConcurrencyPerHost = options.MaxConcurrencyPerHost }, "limits");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, Func<object> apply, string option)
    {
        try
        {
            apply();
        }
        catch (ArgumentException exception)
        {
            failures.Add($"CorsProbe:{option}: {exception.Message}");
        }
    }
}
