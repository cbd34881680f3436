using CorsProbing.Dashboard.Accounts;

namespace CorsProbing.Dashboard;

/// <summary>Refuses settings the dashboard cannot run with, at start, each message naming the key to fix.</summary>
internal sealed class DashboardOptionsValidation : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var problems = new List<string>();
        Require(problems, options.RecheckInterval > TimeSpan.Zero, "Dashboard:RecheckInterval must be positive.");
        Require(problems, options.LeaseDuration >= TimeSpan.FromSeconds(3), "Dashboard:LeaseDuration must be at least 3 seconds (a replica renews it every third of it).");
        Require(problems, options.PollInterval > TimeSpan.Zero, "Dashboard:PollInterval must be positive.");
        Require(problems, options.HostsPerClaim > 0, "Dashboard:HostsPerClaim must be positive.");
        Require(problems, options.CheckPermitLimit > 0 && options.CheckWindow > TimeSpan.Zero, "Dashboard:CheckPermitLimit and CheckWindow must be positive.");
        Require(problems, options.MaxRequestBytes > 0, "Dashboard:MaxRequestBytes must be positive.");
        Require(problems, options.WebhookTimeout > TimeSpan.Zero && options.WebhookRetryDelay > TimeSpan.Zero && options.WebhookExpiry > TimeSpan.Zero,
            "Dashboard:WebhookTimeout, WebhookRetryDelay and WebhookExpiry must be positive.");
        Require(problems, options.Demo != true || options.Accounts.ContainsKey(options.DemoAccount),
            $"Dashboard:DemoAccount '{options.DemoAccount}' is not an account; name one of Dashboard:Accounts.");
        problems.AddRange(AccountDirectory.Problems(options.Accounts));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Require(List<string> problems, bool holds, string problem)
    {
        if (!holds)
        {
            problems.Add(problem);
        }
    }
}
