namespace CorsProbing.OpenApi;

/// <summary>
/// Describes the probe of an OpenAPI document's operations. Immutable: every method validates its arguments and
/// returns a new builder. The origin, profile, timeout, network policy and transport are those of a
/// <see cref="CorsProbeBuilder"/> template (<see cref="ConfigureProbes"/>), which every operation's probe starts from;
/// the methods, headers and credentials each operation needs are added from the document.
/// </summary>
public sealed class OpenApiProbeBuilder
{
    // Where the template points: a reserved name (RFC 2606), never probed; every operation's probe is retargeted.
    private static readonly CorsProbeBuilder Unaddressed = CorsProbe.For("https://openapi.invalid/");

    private readonly DocumentSource _source;
    private readonly CorsProbeBuilder _template;
    private readonly Uri? _server;
    private readonly IReadOnlyDictionary<string, string> _parameters;
    private readonly bool _optionalHeaders;
    private readonly CorsBatchOptions _batch;
    private readonly long _maxDocumentSize;
    private readonly OpenApiSettingNames _names;

    internal OpenApiProbeBuilder(DocumentSource source)
        : this(source, Unaddressed, null, new Dictionary<string, string>(StringComparer.Ordinal), true, CorsBatchOptions.Default, OpenApiProbe.DefaultMaxDocumentSize, OpenApiSettingNames.Builder)
    {
    }

    private OpenApiProbeBuilder(
        DocumentSource source,
        CorsProbeBuilder template,
        Uri? server,
        IReadOnlyDictionary<string, string> parameters,
        bool optionalHeaders,
        CorsBatchOptions batch,
        long maxDocumentSize,
        OpenApiSettingNames names)
    {
        _source = source;
        _template = template;
        _server = server;
        _parameters = parameters;
        _optionalHeaders = optionalHeaders;
        _batch = batch;
        _maxDocumentSize = maxDocumentSize;
        _names = names;
    }

    /// <summary>The document, as a path or URL (or "The OpenAPI document" for text without a URL).</summary>
    public string Document => _source.Name;

    /// <summary>Sets the origin of the page that calls the API; the same as <c>ConfigureProbes(p =&gt; p.WithOrigin(origin))</c>.</summary>
    /// <param name="origin">A serialized origin, <c>scheme://host[:port]</c>, as <see cref="CorsProbeBuilder.WithOrigin"/> takes it.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="origin"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="origin"/> is not a serialized origin.</exception>
    public OpenApiProbeBuilder WithOrigin(string origin) => With(template: _template.WithOrigin(origin));

    /// <summary>
    /// Configures the template every operation's probe starts from: origin, profile, credentials, timeout, network
    /// policy, handler or client, audit, setting names. Each operation's probe takes the operation's own method; headers
    /// the template requires are added to every operation's, and credentials it includes are sent with every one. A
    /// document read from a URL is fetched through the same transport and network policy.
    /// </summary>
    /// <param name="configure">Returns the configured template from the current one.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null, or returned null.</exception>
    public OpenApiProbeBuilder ConfigureProbes(Func<CorsProbeBuilder, CorsProbeBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return With(template: configure(_template) ?? throw new ArgumentNullException(nameof(configure), "The configuration returned no builder; return the one it was given, configured."));
    }

    /// <summary>Resolves every path against <paramref name="url"/> instead of the document's servers (a staging deployment, a test server).</summary>
    /// <param name="url">An absolute http or https URL; the paths are appended to its path.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
    public OpenApiProbeBuilder WithServer(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Uri.TryCreate(url, UriKind.Absolute, out var server) && server.Scheme is "http" or "https"
            ? With(server: server)
            : throw new ArgumentException($"'{url}' is not an absolute http or https URL; give the API's base URL, such as https://api.example/v1.", nameof(url));
    }

    /// <summary>
    /// Gives a parameter's value: put in the path for <c>{name}</c>, added to the query, or sent as the header's value
    /// (which decides whether a browser safelists it). Without one, the document's example or default is used, and a
    /// path parameter without either gets a placeholder the report names.
    /// </summary>
    /// <param name="name">The parameter's name, as the document writes it.</param>
    /// <param name="value">Its value.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public OpenApiProbeBuilder WithParameter(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return With(parameters: new Dictionary<string, string>(_parameters, StringComparer.Ordinal) { [name] = value });
    }

    /// <summary>Leaves out optional header and cookie parameters: probes what a page must send, not all it may.</summary>
    /// <returns>A new builder.</returns>
    public OpenApiProbeBuilder WithoutOptionalHeaders() => With(optionalHeaders: false);

    /// <summary>How many operations are probed at once, in all and per host (default <see cref="CorsBatchOptions.Default"/>).</summary>
    /// <param name="options">The limits.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public OpenApiProbeBuilder WithBatchOptions(CorsBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return With(batch: options);
    }

    /// <summary>The most bytes of the document read (default <see cref="OpenApiProbe.DefaultMaxDocumentSize"/>); a larger one is refused, naming this limit.</summary>
    /// <param name="bytes">A positive number of bytes.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is not positive.</exception>
    public OpenApiProbeBuilder WithMaxDocumentSize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        return With(maxDocumentSize: bytes);
    }

    /// <summary>Names the OpenAPI settings in messages as the reader knows them (a tool's flags); see <see cref="OpenApiSettingNames"/>.</summary>
    /// <param name="names">The names.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is null.</exception>
    public OpenApiProbeBuilder NamingSettingsAs(OpenApiSettingNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return With(names: names);
    }

    /// <summary>
    /// Reads the document, derives every way of calling each operation, and probes them in one batch: one probe per
    /// distinct URL, method, credentials and header set.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read and the probes.</param>
    /// <returns>The report: one entry per way of calling each operation, in the document's order.</returns>
    /// <exception cref="OpenApiDocumentException">The document cannot be read, is not OpenAPI, has a broken or outside <c>$ref</c>, or gives no server; nothing was probed.</exception>
    public async Task<OpenApiCorsReport> ProbeAsync(CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(cancellationToken).ConfigureAwait(false);
        var reports = await OperationProbes.RunAsync(plan.Operations, _template, _batch, cancellationToken).ConfigureAwait(false);
        return new(plan, [.. plan.Operations.Select((operation, i) => new OpenApiOperationReport(operation, reports[i]))], _template.Requirements);
    }

    /// <summary>The derivation alone: reads the document and plans every operation's request, probing nothing.</summary>
    internal async Task<OpenApiPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var loaded = await _source.LoadAsync(_template.Requirements, _maxDocumentSize, _names, cancellationToken).ConfigureAwait(false);
        var tree = DocumentTree.Read(loaded);
        var document = OpenApiDocumentReader.Read(tree, loaded);
        return OpenApiPlanner.Plan(document, tree, loaded, new(_server, _parameters, _optionalHeaders, _names));
    }

    /// <summary>The document and the settings in a line.</summary>
    /// <returns>A description of the probe.</returns>
    public override string ToString()
    {
        var requirements = _template.Requirements;
        var origin = requirements.Origin ?? requirements.Profile.DefaultOrigin ?? "(no origin)";
        return $"OpenAPI probe of {Document} from {origin}, {requirements.Profile} profile{(_server is null ? "" : $", server {_server}")}{(_optionalHeaders ? "" : ", required headers only")}";
    }

    private OpenApiProbeBuilder With(
        CorsProbeBuilder? template = null,
        Uri? server = null,
        IReadOnlyDictionary<string, string>? parameters = null,
        bool? optionalHeaders = null,
        CorsBatchOptions? batch = null,
        long? maxDocumentSize = null,
        OpenApiSettingNames? names = null) =>
        new(
            _source,
            template ?? _template,
            server ?? _server,
            parameters ?? _parameters,
            optionalHeaders ?? _optionalHeaders,
            batch ?? _batch,
            maxDocumentSize ?? _maxDocumentSize,
            names ?? _names);
}
