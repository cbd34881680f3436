namespace CorsProbing.Demo;

/// <summary>
/// One endpoint of the embedded API with what the dashboard needs of it: the requirements it is probed with.
/// </summary>
/// <param name="Path">The endpoint's path, e.g. <c>/open</c>.</param>
/// <param name="Description">The CORS setup it models, in a few words.</param>
/// <param name="Methods">The methods the dashboard calls it with.</param>
/// <param name="Headers">The headers the dashboard's script sets (values unknown).</param>
/// <param name="Credentials">Whether the dashboard sends credentials.</param>
internal sealed record DemoSetup(string Path, string Description, IReadOnlyList<string> Methods, IReadOnlyList<string> Headers, bool Credentials = false)
{
    /// <summary>Adds this setup's requirements to <paramref name="probe"/>.</summary>
    public CorsProbeBuilder Require(CorsProbeBuilder probe)
    {
        probe = probe.RequireMethods([.. Methods]);
        probe = Headers.Count > 0 ? probe.RequireHeaders([.. Headers]) : probe;
        return Credentials ? probe.WithCredentials() : probe;
    }
}
