using System.Reflection;
using System.Text.RegularExpressions;

namespace CorsProbing.Tests;

/// <summary>
/// The stages run one way (docs/architecture.md): describe → exchange → evaluate → report. These tests fail on a
/// backward reference, in a type's signatures or in a source file's code.
/// </summary>
public partial class ArchitectureTests
{
    /// <summary>Each stage, and the stages it must never use.</summary>
    public static TheoryData<string, string[]> Forbidden => new()
    {
        { "Requirements", ["Http", "Evaluation", "Reporting"] },
        { "Http", ["Evaluation", "Reporting"] },
        { "Evaluation", ["Http", "Reporting"] },
        { "Reporting", ["Http"] },
    };

    private static string Source => Path.Combine(Repository.Root, "src", "CorsProbe");

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void AStagesTypes_NeverMentionALaterOrSiblingStage_InTheirSignatures(string stage, string[] forbidden)
    {
        var types = typeof(CorsProbe).Assembly.GetTypes().Where(t => InStage(t, stage)).ToList();
        types.Should().NotBeEmpty();

        var offending = types
            .SelectMany(type => Mentioned(type).Where(used => forbidden.Any(f => InStage(used, f))).Select(used => $"{type.FullName} → {used.FullName}"))
            .Distinct()
            .ToList();

        offending.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void AStagesSourceFiles_NeverUseALaterOrSiblingStage(string stage, string[] forbidden)
    {
        var files = Directory.GetFiles(Path.Combine(Source, stage), "*.cs", SearchOption.AllDirectories);
        files.Should().NotBeEmpty();

        var offending = from file in files
                        from line in File.ReadLines(file).Select((text, index) => (Text: text, Number: index + 1))
                        where !line.Text.TrimStart().StartsWith("//", StringComparison.Ordinal)
                        from name in forbidden
                        where Regex.IsMatch(line.Text, $@"(using CorsProbing\.{name}\b|CorsProbing\.{name}\.|(?<![\w.]){name}\.[A-Z])")
                        select $"{Path.GetRelativePath(Source, file)}:{line.Number} uses {name}: {line.Text.Trim()}";

        offending.Should().BeEmpty();
    }

    [Fact]
    public void TheCore_HasNoHandWrittenVectorCode()
    {
        var files = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories);

        files.Where(f => File.ReadAllText(f).Contains("System.Runtime.Intrinsics", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("AsyncLocal")]
    [InlineData("ArrayPool")]
    [InlineData("ObjectPool")]
    [InlineData("PoolingAsyncValueTaskMethodBuilder")]
    public void TheCore_HasNoAmbientStatePoolsOrPooledMethodBuilders(string name)
    {
        var files = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories);

        files.Where(f => File.ReadAllText(f).Contains(name, StringComparison.Ordinal)).Select(f => Path.GetRelativePath(Source, f))
            .Should().BeEmpty("the default transport owns its exchange, so no request is matched to its bytes by the async flow, and nothing is pooled");
    }

    [Theory]
    [InlineData("Evaluation")]
    [InlineData("Reporting")]
    public void EvaluationAndReporting_NeverReadTheRawResponse(string stage)
    {
        var files = Directory.GetFiles(Path.Combine(Source, stage), "*.cs", SearchOption.AllDirectories);

        files.Where(f => RawResponse().IsMatch(File.ReadAllText(f))).Select(f => Path.GetFileName(f)).Should().BeEmpty();
    }

    [Fact]
    public void ThePlatformsName_AppearsOnlyInItsProfile_AndItsEntryPoint()
    {
        var files = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories);

        files.Where(f => Platform().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Source, f))
            .Should().BeEquivalentTo("CorsProfile.cs", "CorsProbe.cs");
    }

    private static bool InStage(Type type, string stage) =>
        type.Namespace is { } ns && (ns == $"CorsProbing.{stage}" || ns.StartsWith($"CorsProbing.{stage}.", StringComparison.Ordinal));

    // Every type a type's declaration names: base, interfaces, fields, properties, method and constructor signatures.
    private static IEnumerable<Type> Mentioned(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }
        }

        return direct.OfType<Type>().SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type) : [type];
    }

    [GeneratedRegex(@"HttpResponseMessage|HttpResponseHeaders")]
    private static partial Regex RawResponse();

    [GeneratedRegex(@"Galxe|dashboard", RegexOptions.IgnoreCase)]
    private static partial Regex Platform();
}
