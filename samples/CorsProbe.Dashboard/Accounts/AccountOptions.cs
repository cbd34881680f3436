namespace CorsProbing.Dashboard.Accounts;

/// <summary>One account: <c>Dashboard:Accounts:&lt;name&gt;</c>. Keep the key and the secret out of files: environment variables or a secret store.</summary>
public sealed class AccountOptions
{
    /// <summary>The key its automation sends as <c>Authorization: Bearer &lt;key&gt;</c> (at least 16 characters); none for an account that only signs in.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where its verdict transitions are POSTed (http or https; through the SSRF guard); none for no webhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The key of each delivery's HMAC-SHA256 signature (at least 16 characters); required with <see cref="WebhookUrl"/>.</summary>
    public string? WebhookSecret { get; set; }
}
