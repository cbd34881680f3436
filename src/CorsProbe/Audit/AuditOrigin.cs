namespace CorsProbing.Audit;

/// <summary>One crafted origin of the audit and the technique it tries.</summary>
/// <param name="Origin">The value sent in <c>Origin</c>.</param>
/// <param name="Technique">What acceptance would mean.</param>
internal readonly record struct AuditOrigin(string Origin, AuditTechnique Technique);
