using CorsProbing;
using CorsProbing.Extensions.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CorsProbe on <c>IHttpClientFactory</c>.</summary>
public static class CorsProbeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICorsProber"/> and the <c>IHttpClientFactory</c> client it probes with, named
    /// <see cref="ICorsProber.HttpClientName"/>, whose primary handler is <see cref="CorsProbeHandler.Create(NetworkPolicy?)"/>
    /// (SSRF guard, no redirects, cookies or proxy) under the policy the options describe. Options are validated on first
    /// use (and at start-up in a host), with the builder's rules. Registering twice keeps one prober.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The client's builder, to chain your own handlers (<c>.AddHttpMessageHandler(...)</c>) or resilience.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IHttpClientBuilder AddCorsProbe(this IServiceCollection services) => Register(services, configuration: null, configure: null);

    /// <summary>As <see cref="AddCorsProbe(IServiceCollection)"/>, setting the options with <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The client's builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IHttpClientBuilder AddCorsProbe(this IServiceCollection services, Action<CorsProbeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, configuration: null, configure);
    }

    /// <summary>
    /// As <see cref="AddCorsProbe(IServiceCollection)"/>, binding the options from <paramref name="configuration"/>
    /// (usually <c>configuration.GetSection("CorsProbe")</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section holding <c>DefaultOrigin</c>, <c>Profile</c>, <c>Timeout</c>, <c>MaxConcurrency</c>, <c>MaxConcurrencyPerHost</c>, <c>AllowLoopback</c>, <c>AllowPrivateNetworks</c>.</param>
    /// <returns>The client's builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IHttpClientBuilder AddCorsProbe(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, configuration, configure: null);
    }

    /// <summary>As <see cref="AddCorsProbe(IServiceCollection, IConfiguration)"/>, then adjusting the bound options with <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <param name="configure">Adjusts the bound options.</param>
    /// <returns>The client's builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IHttpClientBuilder AddCorsProbe(this IServiceCollection services, IConfiguration configuration, Action<CorsProbeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, configuration, configure);
    }

    private static IHttpClientBuilder Register(IServiceCollection services, IConfiguration? configuration, Action<CorsProbeOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CorsProbeOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            // The binder leaves the profile alone (the project file says why); it is bound by name just below.
            options.Bind(configuration);

            // A profile is named in configuration; the binder cannot make one from a name, so it is looked up here.
            options.Configure(o => o.Profile = configuration[nameof(CorsProbeOptions.Profile)] is { } name
                ? CorsProfile.FindBuiltIn(name.Trim()) ?? throw new OptionsValidationException(
                    Microsoft.Extensions.Options.Options.DefaultName,
                    typeof(CorsProbeOptions),
                    [$"CorsProbe:Profile: '{name}' is not a built-in profile; use {string.Join(", ", CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit)} or {CorsProfile.Galxe}, or set a profile of your own in code."])
                : o.Profile);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorsProbeOptions>, CorsProbeOptionsValidation>());
        services.TryAddSingleton<ICorsProber, CorsProber>();
        return services.AddHttpClient(ICorsProber.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                CorsProbeHandler.Create(provider.GetRequiredService<IOptionsMonitor<CorsProbeOptions>>().CurrentValue.ToNetworkPolicy()))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // each probe applies its own
    }
}
