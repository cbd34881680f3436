using CorsProbing.Evidence;
using CorsProbing.Http;

namespace CorsProbing.Orchestration;

/// <summary>
/// A probe described once, for every run of a builder: the origin resolved and checked, and each required method's
/// preflight with its header lines. A template probed for many URLs, or many times, builds this once.
/// </summary>
internal sealed class ProbePlan
{
    private ProbePlan(
        CorsRequirements requirements, string origin, CorsRequest[] preflights, IReadOnlyList<KeyValuePair<string, string>>[] preflightHeaders, IReadOnlyList<CorsProfile>? profiles = null)
    {
        Requirements = requirements;
        Origin = origin;
        Preflights = preflights;
        PreflightHeaders = preflightHeaders;
        Profiles = profiles ?? Reporting.ReportBuilder.JudgedProfiles(requirements.Profile, requirements.AlsoJudged);
        Facts = new ProbeFacts(requirements.GivenUrl ?? requirements.Url, origin, requirements.Credentials, Profiles, requirements.NetworkPolicy, requirements.Headers)
        {
            SettingNames = requirements.SettingNames,
        };
    }

    /// <summary>What the caller asked for.</summary>
    public CorsRequirements Requirements { get; }

    /// <summary>The origin every request comes from: the caller's, else the profile's default.</summary>
    public string Origin { get; }

    /// <summary>One preflight per required method and header form, in the order required.</summary>
    public CorsRequest[] Preflights { get; }

    /// <summary>The header lines of each preflight.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>[] PreflightHeaders { get; }

    /// <summary>The profiles the report judges.</summary>
    public IReadOnlyList<CorsProfile> Profiles { get; }

    /// <summary>What the report's rules know of the whole probe.</summary>
    public ProbeFacts Facts { get; }

    /// <summary>The whole probe's time limit: the caller's, else the profile's.</summary>
    public TimeSpan Timeout => Requirements.Timeout ?? Requirements.Profile.Timeout;

    /// <summary>
    /// The same plan for <paramref name="requirements"/> that differ from this plan's only in the URL (already
    /// validated) or the transport: the preflights' header lines, the origin and the profiles do not depend on either,
    /// so they are shared, and the preflights are re-addressed only when the URL changed.
    /// </summary>
    public ProbePlan With(CorsRequirements requirements)
    {
        var preflights = Preflights;
        if (!ReferenceEquals(requirements.Url, Requirements.Url))
        {
            preflights = new CorsRequest[Preflights.Length];
            for (var i = 0; i < preflights.Length; i++)
            {
                preflights[i] = Preflights[i] with { RequestUri = requirements.Url };
            }
        }

        return new ProbePlan(requirements, Origin, preflights, PreflightHeaders, Profiles);
    }

    /// <summary>Resolves <paramref name="requirements"/> into a plan.</summary>
    /// <exception cref="InvalidOperationException">No origin is set and the profile has no default one.</exception>
    public static ProbePlan Create(CorsRequirements requirements) => TryCreate(requirements) ?? throw new InvalidOperationException(
        $"No origin to probe from: the {requirements.Profile} profile has no default origin. {CorsSettingNames.Sentence(requirements.SettingNames.Origin)}.");

    /// <summary>Resolves <paramref name="requirements"/> into a plan, or null when there is no origin to probe from.</summary>
    public static ProbePlan? TryCreate(CorsRequirements requirements)
    {
        if ((requirements.Origin ?? requirements.Profile.DefaultOrigin) is not { } origin)
        {
            return null;
        }

        // Where engines name the headers differently, each form is its own preflight: CorsProbe sends what each would.
        var methods = requirements.EffectiveMethods;
        var forms = requirements.HeaderForms;
        var preflights = new CorsRequest[methods.Count * forms.Count];
        var headers = new IReadOnlyList<KeyValuePair<string, string>>[preflights.Length];
        for (var i = 0; i < preflights.Length; i++)
        {
            var form = forms[i % forms.Count];
            preflights[i] = new CorsRequest(requirements.Url, origin, methods[i / forms.Count], form.UnsafeHeaderNames, requirements.Credentials, requirements.SendsFollowUps, requirements.SendsActualRequests)
            {
                Engines = form.Engines,
            };
            headers[i] = RequestFactory.PreflightHeaders(preflights[i]);
        }

        return new ProbePlan(requirements, origin, preflights, headers);
    }
}
