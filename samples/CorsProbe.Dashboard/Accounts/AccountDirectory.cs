using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace CorsProbing.Dashboard.Accounts;

/// <summary>
/// The accounts of <c>Dashboard:Accounts</c>, read once at start. Each API key is kept here only as its SHA-256 hash,
/// and no key reaches the logs, the database or an answer.
/// </summary>
public sealed class AccountDirectory
{
    /// <summary>The shortest API key or webhook secret accepted: shorter ones can be guessed.</summary>
    public const int MinimumSecretLength = 16;

    private readonly FrozenDictionary<string, Account> _byName;
    private readonly FrozenDictionary<string, Account> _byKeyHash;

    /// <summary>The configured accounts; <see cref="Problems"/> says what is wrong with them.</summary>
    public AccountDirectory(IOptions<DashboardOptions> options)
        : this(options.Value.Accounts)
    {
    }

    /// <summary>The accounts <paramref name="accounts"/> describes.</summary>
    public AccountDirectory(IReadOnlyDictionary<string, AccountOptions> accounts)
    {
        var all = accounts.Select(entry => new Account(
                entry.Key,
                string.IsNullOrEmpty(entry.Value.ApiKey) ? null : Hash(entry.Value.ApiKey),
                Uri.TryCreate(entry.Value.WebhookUrl, UriKind.Absolute, out var url) && entry.Value.WebhookSecret is { } secret
                    ? new Webhook(url, Encoding.UTF8.GetBytes(secret))
                    : null))
            .ToList();
        _byName = all.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        _byKeyHash = all.Where(a => a.KeyHash is not null).ToFrozenDictionary(a => Convert.ToHexString(a.KeyHash!), StringComparer.Ordinal);
    }

    /// <summary>The account names, in order.</summary>
    public IReadOnlyList<string> Names => [.. _byName.Keys.Order(StringComparer.Ordinal)];

    /// <summary>What is wrong with <c>Dashboard:Accounts</c>, each naming the key to fix; empty when nothing is.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, AccountOptions> accounts)
    {
        foreach (var (name, account) in accounts)
        {
            var key = $"{DashboardOptions.SectionName}:{nameof(DashboardOptions.Accounts)}:{name}";
            if (account.ApiKey is { Length: > 0 and < MinimumSecretLength })
            {
                yield return $"{key}:{nameof(AccountOptions.ApiKey)} is shorter than {MinimumSecretLength} characters; use a random key (e.g. openssl rand -hex 32).";
            }

            if (string.IsNullOrEmpty(account.WebhookUrl))
            {
                continue;
            }

            if (!Uri.TryCreate(account.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                yield return $"{key}:{nameof(AccountOptions.WebhookUrl)} is not an absolute http(s) URL: '{account.WebhookUrl}'.";
            }

            if (account.WebhookSecret is not { Length: >= MinimumSecretLength })
            {
                yield return $"{key}:{nameof(AccountOptions.WebhookSecret)} must be set, at least {MinimumSecretLength} characters, when {nameof(AccountOptions.WebhookUrl)} is: the receiver checks each delivery's signature with it.";
            }
        }
    }

    /// <summary>The account named <paramref name="name"/>, or null.</summary>
    public Account? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The account whose API key is <paramref name="key"/>, or null.</summary>
    public Account? FindByKey(string key) => _byKeyHash.GetValueOrDefault(Convert.ToHexString(Hash(key)));

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
