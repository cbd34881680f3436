using CorsProbing.Requirements;
using Microsoft.Extensions.Options;

namespace CorsProbing.Extensions.Http;

/// <summary>
/// Checks bound options with the validators the builder itself uses, so a bad configuration fails at start-up with the
/// reason and the configuration key, not at the first probe.
/// </summary>
internal sealed class CorsProbeOptionsValidation : IValidateOptions<CorsProbeOptions>
{
    public ValidateOptionsResult Validate(string? name, CorsProbeOptions options)
    {
        string?[] failures =
        [
            Failure(nameof(options.DefaultOrigin), options.DefaultOrigin is { } origin ? SerializedOrigin.Problem(origin) : null),
            Failure(nameof(options.Timeout), options.Timeout is { } timeout ? CorsRequirements.TimeoutProblem(timeout) : null),
            Failure(nameof(options.Profile), options.Profile is null ? "Name a profile, such as \"Browser\"." : CorsProfile.NameProblem(options.Profile)),
            Failure(nameof(options.AlsoJudge), options.AlsoJudge is null || options.AlsoJudge.Contains(null!) ? "Name each profile, such as \"Galxe\"." : options.AlsoJudge.Select(CorsProfile.NameProblem).FirstOrDefault(p => p is not null)),
            Failure(nameof(options.MaxConcurrency), CorsBatchOptions.ConcurrencyProblem(options.MaxConcurrency, perHost: false)),
            Failure(nameof(options.MaxConcurrencyPerHost), CorsBatchOptions.ConcurrencyProblem(options.MaxConcurrencyPerHost, perHost: true)),
            Failure(nameof(options.SendActualRequests), options.SendActualRequests && options.WithoutActualRequests
                ? $"it sends the actual requests, and {CorsProbeOptions.SectionName}:{nameof(options.WithoutActualRequests)} sends only OPTIONS: set one of them." : null),
        ];
        return failures.Any(f => f is not null) ? ValidateOptionsResult.Fail(failures.OfType<string>()) : ValidateOptionsResult.Success;
    }

    private static string? Failure(string key, string? problem) => problem is null ? null : $"{CorsProbeOptions.SectionName}:{key}: {problem}";
}
