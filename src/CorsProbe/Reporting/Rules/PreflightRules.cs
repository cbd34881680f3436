namespace CorsProbing.Reporting.Rules;

/// <summary>The rules of one required method, in Chromium's order of checks: the order findings are reported in.</summary>
internal static class PreflightRules
{
    private static readonly Action<MethodEvidence, List<FindingDraft>>[] InOrder =
    [
        TransportFailureRule.Apply,
        RedirectRule.Apply,
        CorsCheckRule.Apply,
        RedirectChainRule.Apply,
        PreflightStatusRule.Apply,
        MalformedListRule.Apply,
        MethodRule.Apply,
        MethodListingRule.Apply,
        RequestHeadersRule.Apply,
        AuthorizationWildcardRule.Apply,
        NoPreflightRule.Apply,
        ActualResponseNotCheckedRule.Apply,
        MaxAgeRule.Apply,
        SlowResponseRule.Apply,
        LenientResponseRule.Apply,
    ];

    /// <summary>Adds the findings of every rule to <paramref name="findings"/>.</summary>
    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        foreach (var rule in InOrder)
        {
            rule(evidence, findings);
        }
    }
}
