using CorsProbing;
using CorsProbing.Extensions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CorsProbe's <see cref="ICorsProber"/>.</summary>
public static class CorsProbeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICorsProber"/>, which probes through CorsProbe's own transport (the SSRF guard under the
    /// policy the options describe, each response read from its raw bytes as each browser engine reads it). Options
    /// are validated on first use (and at start-up in a host), with the builder's rules. Registering twice keeps one prober.
    /// To send through an <c>IHttpClientFactory</c> pipeline of your own instead, see <see cref="AddCorsProbeHttpClient"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCorsProbe(this IServiceCollection services) => Register(services, configuration: null, configure: null);

    /// <summary>As <see cref="AddCorsProbe(IServiceCollection)"/>, setting the options with <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IServiceCollection AddCorsProbe(this IServiceCollection services, Action<CorsProbeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, configuration: null, configure);
    }

    /// <summary>
    /// As <see cref="AddCorsProbe(IServiceCollection)"/>, binding the options from <paramref name="configuration"/>
    /// (usually <c>configuration.GetSection("CorsProbe")</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>DefaultOrigin</c>, <c>Profile</c>, <c>AlsoJudge</c>, <c>Timeout</c>, <c>MaxConcurrency</c>, <c>MaxConcurrencyPerHost</c>, <c>AllowLoopback</c>, <c>AllowPrivateNetworks</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddCorsProbe(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, configuration, configure: null);
    }

    /// <summary>As <see cref="AddCorsProbe(IServiceCollection, IConfiguration)"/>, then adjusting the bound options with <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <param name="configure">Adjusts the bound options.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddCorsProbe(this IServiceCollection services, IConfiguration configuration, Action<CorsProbeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, configuration, configure);
    }

    /// <summary>
    /// Makes the registered <see cref="ICorsProber"/> send through the <c>IHttpClientFactory</c> client named
    /// <see cref="ICorsProber.HttpClientName"/>, whose primary handler is <see cref="CorsProbeHandler"/> (the SSRF guard
    /// under the options' policy), so you can chain handlers of your own: retries, hedging, logging, routing.
    /// </summary>
    /// <remarks>
    /// What this gives up: each report judges the response your pipeline returned, as .NET parsed it, for every
    /// engine alike (<c>CorsExchange.RawBytesRead</c> is false), so the engines' own readings of a malformed head
    /// (CORS019, CORS110) are not made. A retry or hedging handler never changes which response is judged: it is the
    /// one the pipeline returned. Without this call, <see cref="AddCorsProbe(IServiceCollection)"/> probes through
    /// CorsProbe's own transport, which reads them. Call <c>AddCorsProbe</c> as well, for the options.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <returns>The client's builder, to chain your handlers (<c>.AddHttpMessageHandler(...)</c>) or resilience.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IHttpClientBuilder AddCorsProbeHttpClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<HttpClientRoute>();
        return services.AddHttpClient(ICorsProber.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                CorsProbeHandler.Create(provider.GetRequiredService<IOptionsMonitor<CorsProbeOptions>>().CurrentValue.ToNetworkPolicy()))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // each probe applies its own
    }

    private static CorsProfile BuiltIn(string name, string key) =>
        CorsProfile.FindBuiltIn(name.Trim()) ?? throw new OptionsValidationException(
            Microsoft.Extensions.Options.Options.DefaultName,
            typeof(CorsProbeOptions),
            [$"{CorsProbeOptions.SectionName}:{key}: '{name}' is not a built-in profile; use {string.Join(", ", CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit)} or {CorsProfile.Galxe}, or set a profile of your own in code."]);

    private static IServiceCollection Register(IServiceCollection services, IConfiguration? configuration, Action<CorsProbeOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CorsProbeOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            // The binder leaves the profile alone (the project file says why); it is bound by name just below.
            options.Bind(configuration);

            // A profile is named in configuration; the binder cannot make one from a name, so it is looked up here.
            // A bare number binds as days ("5" is five days): nobody means that for a probe's timeout.
            if (configuration[nameof(CorsProbeOptions.Timeout)] is { } timeout && int.TryParse(timeout.Trim(), out var number))
            {
                options.Configure(_ => throw new OptionsValidationException(
                    Microsoft.Extensions.Options.Options.DefaultName,
                    typeof(CorsProbeOptions),
                    [$"{CorsProbeOptions.SectionName}:{nameof(CorsProbeOptions.Timeout)}: \"{timeout}\" is read as {number} day(s); write a duration such as \"00:00:{Math.Clamp(number, 0, 59):00}\" for {number} second(s)."]));
            }

            options.Configure(o => o.Profile = configuration[nameof(CorsProbeOptions.Profile)] is { } name ? BuiltIn(name, nameof(CorsProbeOptions.Profile)) : o.Profile);
            options.Configure(o =>
            {
                foreach (var entry in configuration.GetSection(nameof(CorsProbeOptions.AlsoJudge)).GetChildren())
                {
                    o.AlsoJudge.Add(BuiltIn(entry.Value ?? string.Empty, $"{nameof(CorsProbeOptions.AlsoJudge)}:{entry.Key}"));
                }
            });
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorsProbeOptions>, CorsProbeOptionsValidation>());
        services.TryAddSingleton<ICorsProber, CorsProber>();
        return services;
    }
}
