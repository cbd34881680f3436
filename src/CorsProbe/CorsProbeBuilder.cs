using CorsProbing.Audit;
using CorsProbing.Orchestration;

namespace CorsProbing;

/// <summary>
/// Describes a probe. Immutable: every method validates its arguments and returns a new builder, so a configured
/// builder is a thread-safe template that can be reused for many probes.
/// </summary>
public sealed partial class CorsProbeBuilder
{
    private readonly CorsRequirements _requirements;

    // The plan depends only on this builder's requirements, so a template probed many times (a batch) builds it once.
    // Written at most twice under a race, with equal values.
    private ProbePlan? _plan;

    internal CorsProbeBuilder(CorsRequirements requirements) => _requirements = requirements;

    private CorsProbeBuilder(CorsRequirements requirements, ProbePlan? plan)
    {
        _requirements = requirements;
        _plan = plan;
    }

    /// <summary>The URL that will be probed.</summary>
    public Uri Url => _requirements.Url;

    /// <summary>
    /// The same probe for another URL: every other requirement (origin, methods, headers, credentials, profile,
    /// network policy, transport, timeout, audit) is kept, and <paramref name="url"/> is validated as
    /// <see cref="CorsProbe.For(string)"/> validates it. Cheap: a template that was already probed shares its resolved
    /// preflights with the new builder, so a batch can describe one template and retarget it per URL.
    /// </summary>
    /// <param name="url">An absolute http or https URL, sent as originally written.</param>
    /// <returns>A new builder for <paramref name="url"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is relative or not http(s).</exception>
    public CorsProbeBuilder ForUrl(string url)
    {
        var sent = TargetUrl.Parse(url, nameof(url));
        return Retarget(sent, TargetUrl.Given(url, sent));
    }

    /// <summary>The same probe for another URL; see <see cref="ForUrl(string)"/>.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>A new builder for <paramref name="url"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is relative or not http(s).</exception>
    public CorsProbeBuilder ForUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ForUrl(TargetUrl.AbsoluteText(url, nameof(url)));
    }

    /// <summary>Sets the origin the cross-origin request comes from.</summary>
    /// <param name="origin">A serialized origin, <c>scheme://host[:port]</c> exactly as a browser sends it, or <c>null</c> for an opaque origin.</param>
    /// <returns>A new builder with the origin set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="origin"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="origin"/> has a path, query, trailing slash, upper-case host, default port, whitespace or control characters.</exception>
    public CorsProbeBuilder WithOrigin(string origin) =>
        new(_requirements with { Origin = SerializedOrigin.Validate(origin, nameof(origin)) });

    /// <summary>Adds methods the actual requests use; one preflight is sent per method. Without this call, GET.</summary>
    /// <param name="methods">HTTP methods, normalized as <c>fetch()</c> does (<c>put</c> becomes <c>PUT</c>, <c>patch</c> stays <c>patch</c>).</param>
    /// <returns>A new builder with the methods added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="methods"/> is null.</exception>
    /// <exception cref="ArgumentException">No method was given, a method is not an HTTP token, or it is CONNECT, TRACE or TRACK.</exception>
    public CorsProbeBuilder RequireMethods(params string[] methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Length == 0)
        {
            throw new ArgumentException("Give at least one method, such as \"GET\".", nameof(methods));
        }

        return new(_requirements with { Methods = CorsRequirements.Append(_requirements.Methods, methods, method => HttpMethods.ValidateAndNormalize(method, nameof(methods))) });
    }

    /// <summary>
    /// Adds headers the page's script sets, with values unknown: each is treated as CORS-unsafe, so it is announced in
    /// <c>Access-Control-Request-Headers</c> and must be allowed by the response.
    /// </summary>
    /// <param name="names">Header names, such as <c>Content-Type</c> or <c>Authorization</c>.</param>
    /// <returns>A new builder with the headers added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is null.</exception>
    /// <exception cref="ArgumentException">No name was given, a name is not an HTTP token, or it is a forbidden request-header (such as <c>Cookie</c> or <c>Origin</c>).</exception>
    public CorsProbeBuilder RequireHeaders(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length == 0)
        {
            throw new ArgumentException("Give at least one header name, such as \"Content-Type\".", nameof(names));
        }

        var combined = new List<AuthorHeader>(_requirements.Headers);
        foreach (var name in names)
        {
            combined.Add(AuthorHeader.Named(name, nameof(names)));
        }

        return WithHeaders(combined);
    }

    /// <summary>
    /// Adds a header the page's script sets, with its value: CORS safelisting applies, so <c>Content-Type: text/plain</c>
    /// needs no permission while <c>Content-Type: application/json</c> does.
    /// </summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value; leading and trailing whitespace is removed, as <c>fetch()</c> does.</param>
    /// <returns>A new builder with the header added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">The name is not an HTTP token or is forbidden, or the value contains CR, LF, NUL or characters above U+00FF.</exception>
    public CorsProbeBuilder RequireHeader(string name, string value) => WithHeaders([.. _requirements.Headers, AuthorHeader.WithValue(name, value)]);

    /// <summary>Sets credentials mode "include" (cookies, HTTP authentication), which tightens the CORS check.</summary>
    /// <param name="include"><see langword="true"/> for <c>credentials: "include"</c>; <see langword="false"/> for the default.</param>
    /// <returns>A new builder.</returns>
    public CorsProbeBuilder WithCredentials(bool include = true) => new(_requirements with { Credentials = include });

    /// <summary>
    /// Sends only <c>OPTIONS</c> requests: no actual GET/HEAD and no stand-in GET after the preflights, for callers that
    /// may not send anything else to the target. Browsers' check of the actual responses is then not made; the report
    /// says so for each method (<c>CORS108</c>), and <see cref="CorsExchange.Evidence"/> shows what is left.
    /// </summary>
    /// <returns>A new builder.</returns>
    public CorsProbeBuilder WithoutActualRequests() => new(_requirements with { SendsFollowUps = false, SendsActualRequests = false });

    /// <summary>
    /// Sends the actual request of every required method where a browser would send it — after a preflight that
    /// passes, or directly for a request browsers do not preflight — instead of a stand-in GET: the method itself, the
    /// page's headers with the values given, the body of <see cref="WithRequestBody"/> (else an empty one), in the
    /// credentials mode set, through the same network policy, timeout and redirect rules; its response is judged as
    /// browsers judge it, so the verdict rests on it (<see cref="CorsEvidence.ActualResponse"/>) and is never
    /// <see cref="CorsVerdict.Inconclusive"/> for want of evidence. <b>This sends unsafe requests (POST, PUT, PATCH,
    /// DELETE) to the target</b>: use it for your own API's test or staging environment, never for URLs others give
    /// you. The security audit never sends an unsafe method, whatever this says. Undone by <see cref="WithoutActualRequests"/>.
    /// </summary>
    /// <returns>A new builder.</returns>
    public CorsProbeBuilder SendActualRequests() => new(_requirements with { SendsFollowUps = true, SendsActualRequests = true });

    /// <summary>
    /// The body the page sends with methods that carry one (POST, PUT, PATCH, DELETE, ...), and its <c>Content-Type</c>,
    /// which is required of the preflight as <see cref="RequireHeader"/> would require it. Sent only by
    /// <see cref="SendActualRequests"/>; without this, those requests go with an empty body.
    /// </summary>
    /// <param name="contentType">The body's media type, e.g. <c>application/json</c>.</param>
    /// <param name="body">The bytes, at most 1 MiB.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contentType"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentException">The content type is not a header value <c>fetch()</c> takes, or the body is over 1 MiB.</exception>
    public CorsProbeBuilder WithRequestBody(string contentType, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length > MaxRequestBody)
        {
            throw new ArgumentException($"The body is {body.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes; a probe sends at most {MaxRequestBody.ToString("N0", CultureInfo.InvariantCulture)}.", nameof(body));
        }

        var headers = _requirements.Headers.Where(h => !h.Name.Equals(CorsHeaderNames.ContentType, StringComparison.OrdinalIgnoreCase));
        return new(_requirements with { Headers = [.. headers, AuthorHeader.WithValue(CorsHeaderNames.ContentType, contentType)], RequestBody = body.ToArray() });
    }

    // A probe's body is the page's request, not an upload: bounded like every other part of a probe.
    private const int MaxRequestBody = 1024 * 1024;

    /// <summary>
    /// Names the caller's settings in remedies and errors as <paramref name="names"/> says (configuration keys, a
    /// tool's flags), instead of the builder's calls.
    /// </summary>
    /// <param name="names">The names, such as <see cref="CorsSettingNames.Configuration"/>.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is null.</exception>
    public CorsProbeBuilder NamingSettingsAs(CorsSettingNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return new(_requirements with { SettingNames = names });
    }

    /// <summary>
    /// Adds a security audit to the probe: after the normal preflights, up to 18 more requests with crafted origins
    /// derived from the configured one (any origin, <c>null</c>, prefix, suffix, unescaped-dot, subdomain, <c>http:</c>,
    /// special-character and shared-hosting origins) and, from the configured origin, an invented method and an invented
    /// header (each in a preflight of its own, since servers list headers only for methods they know), through the same transport,
    /// SSRF guard and timeout, four at a time. What the server wrongly trusts lands in
    /// <see cref="CorsReport.SecurityFindings"/>; the verdict is unchanged. A preflight is sent for each, or for a simple
    /// GET/HEAD the target allows, the GET/HEAD itself; never an unsafe method's actual request.
    /// </summary>
    /// <returns>A new builder.</returns>
    public CorsProbeBuilder Audit() => new(_requirements with { Audit = true });

    /// <summary>
    /// Origins that must <em>not</em> be allowed: each gets one extra request like the first preflight, and if a browser
    /// would let it through, the report fails (<c>CORS017</c>, an error under every profile, verdict Denied). For API
    /// teams' tests: <c>.RejectOrigins("https://evil.example").ProbeAsync()</c>.
    /// </summary>
    /// <param name="origins">Serialized origins (<c>scheme://host[:port]</c>) or <c>null</c>; at most 16 in all.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="origins"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">An origin is not a serialized origin, or there would be more than 16.</exception>
    public CorsProbeBuilder RejectOrigins(params string[] origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var combined = CorsRequirements.Append(_requirements.RejectedOrigins, origins, origin => SerializedOrigin.Validate(origin, nameof(origins)));
        return combined.Count > AuditOrigins.MaxOrigins
            ? throw new ArgumentException($"At most {AuditOrigins.MaxOrigins} origins can be rejected; got {combined.Count}.", nameof(origins))
            : new(_requirements with { RejectedOrigins = combined });
    }

    /// <summary>Sets the timeout of the whole probe (every request); default the profile's <see cref="CorsProfile.Timeout"/>.</summary>
    /// <param name="timeout">A positive duration of at most 24 hours.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero, negative, infinite or longer than 24 hours.</exception>
    public CorsProbeBuilder WithTimeout(TimeSpan timeout) => CorsRequirements.TimeoutProblem(timeout) is { } problem
        ? throw new ArgumentOutOfRangeException(nameof(timeout), timeout, problem)
        : new(_requirements with { Timeout = timeout });

    /// <summary>Chooses the profile that decides <see cref="CorsReport.Verdict"/>; default <see cref="CorsProfile.Browser"/>.</summary>
    /// <param name="profile">The profile.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentException">A profile of your own is named like a built-in one (reports tell profiles apart by name).</exception>
    public CorsProbeBuilder UsingProfile(CorsProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return CorsProfile.NameProblem(profile) is { } problem
            ? throw new ArgumentException(problem, nameof(profile))
            : new(_requirements with { Profile = profile });
    }

    /// <summary>
    /// Judges the report under <paramref name="profiles"/> too, such as a platform's documented check (built in, or your own):
    /// every report judges <see cref="CorsProfile.Browser"/> and the three engines, and these only when asked (or chosen with
    /// <see cref="UsingProfile"/>, which still decides <see cref="CorsReport.Verdict"/>). Their verdicts are in
    /// <see cref="CorsReport.VerdictFor"/>, and a finding explains where one differs from browsers (<c>CORS105</c>).
    /// </summary>
    /// <param name="profiles">Built-in profiles or your own.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profiles"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No profile was given, or a profile of your own is named like a built-in one.</exception>
    public CorsProbeBuilder AlsoJudgeBy(params CorsProfile[] profiles) =>
        new(_requirements with { AlsoJudged = CorsRequirements.Judging(_requirements.AlsoJudged, profiles) });

    /// <summary>
    /// Sends one preflight per required method, exactly as a browser forms it, and evaluates the answers. The target's
    /// behaviour (denials, errors, timeouts, unreachable hosts) is reported in the returned <see cref="CorsReport"/>, never thrown.
    /// </summary>
    /// <param name="cancellationToken">Cancels the probe; the cancellation is thrown as <see cref="OperationCanceledException"/>.</param>
    /// <returns>The immutable report.</returns>
    /// <exception cref="InvalidOperationException">No origin was set and the profile has no default origin (call <see cref="WithOrigin(string)"/>).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<CorsReport> ProbeAsync(CancellationToken cancellationToken = default) =>
        ProbeRun.RunAsync(Plan, cancellationToken);

    /// <inheritdoc />
    public override string ToString()
    {
        var origin = _requirements.Origin ?? _requirements.Profile.DefaultOrigin ?? "(no origin)";
        return $"CORS probe of {_requirements.Url.OriginalString} from {origin}: {string.Join(", ", _requirements.EffectiveMethods)}, {_requirements.Profile} profile";
    }

    private CorsProbeBuilder WithHeaders(List<AuthorHeader> headers) => new(_requirements with { Headers = headers.AsReadOnly() });

    /// <summary>What this builder describes, for the packages that derive probes from it (OpenAPI operations).</summary>
    internal CorsRequirements Requirements => _requirements;

    /// <summary>The probe resolved (on first use; a template's plan is shared with the builders ForUrl makes from it).</summary>
    /// <exception cref="InvalidOperationException">No origin is set and the profile has no default one.</exception>
    internal ProbePlan Plan => _plan ??= ProbePlan.Create(_requirements);

    // A template without an origin cannot be planned (ProbeAsync says so); its retargeted builders plan on first use.
    private CorsProbeBuilder Retarget(Uri url, Uri given)
    {
        var requirements = _requirements with { Url = url, GivenUrl = given };
        return new(requirements, (_plan ??= ProbePlan.TryCreate(_requirements))?.With(requirements));
    }
}
