using CorsProbing.Dashboard.Storage;

namespace CorsProbing.Dashboard.Tests;

/// <summary>Which verdict changes an account is told of: between Allowed and Denied only.</summary>
public sealed class VerdictChangeTests
{
    [Theory]
    [InlineData(CorsVerdict.Allowed, CorsVerdict.Denied, true)]
    [InlineData(CorsVerdict.Denied, CorsVerdict.Allowed, true)]
    [InlineData(CorsVerdict.Allowed, CorsVerdict.Allowed, false)]
    [InlineData(CorsVerdict.Denied, CorsVerdict.Denied, false)]
    [InlineData(CorsVerdict.Allowed, CorsVerdict.Unreachable, false)]
    [InlineData(CorsVerdict.Unreachable, CorsVerdict.Denied, false)]
    public void Only_a_change_between_allowed_and_denied_is_a_transition(CorsVerdict from, CorsVerdict to, bool transition) =>
        VerdictChange.IsTransition(from, to).Should().Be(transition);
}
