namespace CorsProbing;

/// <summary>How much a <see cref="CorsFinding"/> matters under a profile.</summary>
public enum CorsSeverity
{
    /// <summary>The request is blocked (or the target unreachable) under the profile: the verdict is not <see cref="CorsVerdict.Allowed"/>.</summary>
    Error = 0,

    /// <summary>The request passes, but the setup is fragile, non-standard or risky.</summary>
    Warning = 1,

    /// <summary>Background worth knowing; nothing to fix for this profile.</summary>
    Info = 2,
}
