using System.Reflection.Emit;
using System.Reflection;
using System.Text.RegularExpressions;
using CorsProbing.Testing;

namespace CorsProbing.Tests;

/// <summary>
/// The stages run one way (docs/architecture.md): describe → exchange → evaluate → evidence → report, with the audit,
/// the orchestrators and the batch above them and the public entry points on top. Every type of the core is in the layer
/// of its namespace (a public type at the root, in the layer of its role); these tests read each type's signatures and
/// the code of its methods (their IL, lambdas and state machines included) and fail on any use of a later layer.
/// </summary>
public partial class ArchitectureTests
{
    /// <summary>The layers, lowest first: a type may use its own layer's types and those of the layers below.</summary>
    private static readonly (string Name, string[] Namespaces, string[] RootTypes)[] Layers =
    [
        ("vocabulary", [], ["CorsVerdict", "CorsSeverity", "CorsRisk", "ExchangeKind", "CorsEvidence", "CorsFindingCodes", "CorsBatchOptions"]),
        ("describe", ["Requirements", "Safety"], ["BrowserEngine", "CorsProfile", "NetworkPolicy", "CorsSettingNames"]),
        ("exchange", ["Http"], []),
        ("evaluate", ["Evaluation"], []),
        ("evidence", ["Evidence"], ["CorsExchange"]),
        ("report", ["Reporting", "Reporting.Rules", "Serialization"], ["CorsReport", "CorsFinding", "CorsSecurityFinding", "CorsProbeException", "CorsSarif"]),
        ("audit", ["Audit"], []),
        ("telemetry", ["Diagnostics"], []),
        ("orchestrate", ["Orchestration"], []),
        ("describe a probe", [], ["CorsProbeBuilder", "CorsProbeHandler"]),
        ("batch", ["Batch"], ["CorsBatchResult`1"]),
        ("entry point", [], ["CorsProbe"]),
    ];

    private static string Source => Path.Combine(Repository.Root, "src", "CorsProbe");

    private static Assembly Core => typeof(CorsProbe).Assembly;

    [Fact]
    public void EveryTypeOfTheCore_IsInALayer()
    {
        Core.GetTypes().Where(type => type.Namespace is not null && Layer(type) < 0).Select(type => type.FullName).Should().BeEmpty();
    }

    [Fact]
    public void EveryTypeAtTheRoot_IsPublic()
    {
        Core.GetTypes().Where(type => type.Namespace == "CorsProbing" && !type.IsNested && !type.IsPublic).Select(type => type.FullName)
            .Should().BeEmpty("the root namespace holds the public API; internal types live in the folder of their stage");
    }

    [Fact]
    public void EverySourceFile_DeclaresItsFoldersNamespace()
    {
        var offending = from file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
                        let relative = Path.GetRelativePath(Source, file)
                        where !relative.StartsWith("obj", StringComparison.Ordinal) && !relative.StartsWith("bin", StringComparison.Ordinal)
                        let folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.')
                        let expected = folder.Length == 0 ? "CorsProbing" : $"CorsProbing.{folder}"
                        let declared = Namespace().Match(File.ReadAllText(file)).Groups[1].Value
                        where declared != expected
                        select $"{relative} declares {declared}, not {expected}";

        offending.Should().BeEmpty();
    }

    [Fact]
    public void NoSourceFile_IsOver300Lines()
    {
        var source = Path.Combine(Repository.Root, "src");
        Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(source, file), Lines: File.ReadLines(file).Count()))
            .Where(file => file.Lines > 300)
            .Should().BeEmpty("a file that long does more than one thing: split it where its jobs part");
    }

    [Fact]
    public void NoTypeOfTheCore_UsesALaterLayer()
    {
        var offending = from type in Core.GetTypes()
                        where type.Namespace is not null && Layer(type) >= 0
                        from used in Used(type).Distinct()
                        where used.Assembly == Core && used.Namespace is not null && Layer(used) > Layer(type)
                        select $"{Outermost(type).FullName} ({Layers[Layer(type)].Name}) uses {Outermost(used).FullName} ({Layers[Layer(used)].Name})";

        offending.Distinct().Should().BeEmpty();
    }

    [Theory]
    [InlineData("Evaluation")]
    [InlineData("Evidence")]
    [InlineData("Reporting")]
    [InlineData("Serialization")]
    public void TheStagesAfterTheExchange_NeverSendOrReceive(string stage)
    {
        string[] io = ["System.Net.Http", "System.Net.Sockets", "System.Net.Security"];
        var offending = from type in Core.GetTypes()
                        where InNamespace(type, stage)
                        from used in Used(type).Distinct()
                        where used.Namespace is { } ns && (io.Contains(ns) || (used.Assembly == Core && used.IsSubclassOf(typeof(CorsProbing.Http.ExchangeTransport))))
                        select $"{Outermost(type).FullName} uses {used.FullName}";

        offending.Distinct().Should().BeEmpty();
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

    private static int Layer(Type type)
    {
        var outer = Outermost(type);
        for (var i = 0; i < Layers.Length; i++)
        {
            if (outer.Namespace == "CorsProbing" ? Layers[i].RootTypes.Contains(outer.Name) : Layers[i].Namespaces.Any(ns => outer.Namespace == $"CorsProbing.{ns}"))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool InNamespace(Type type, string name) =>
        type.Namespace is { } ns && (ns == $"CorsProbing.{name}" || ns.StartsWith($"CorsProbing.{name}.", StringComparison.Ordinal));

    private static Type Outermost(Type type) => type.DeclaringType is { } declaring ? Outermost(declaring) : type;

    // Every type a type names: its base and interfaces, fields, properties, signatures, locals, and every type, field
    // and method its methods' code refers to (compiler-generated lambdas and state machines are nested types, read too).
    private static IEnumerable<Type> Used(Type type)
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

            if (method.GetMethodBody() is { } body)
            {
                direct.AddRange(body.LocalVariables.Select(local => local.LocalType));
                direct.AddRange(InCode(method, body.GetILAsByteArray() ?? []));
            }
        }

        return direct.OfType<Type>().SelectMany(Unwrap);
    }

    private static IEnumerable<Type?> InCode(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? TwoByteCodes[il[i + 1]] : OneByteCodes[il[i]];
            i += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineField or OperandType.InlineMethod)
            {
                MemberInfo? member;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    member = null;
                }

                switch (member)
                {
                    case Type used:
                        yield return used;
                        break;
                    case FieldInfo field:
                        yield return field.DeclaringType;
                        yield return field.FieldType;
                        break;
                    case MethodBase called:
                        yield return called.DeclaringType;
                        break;
                }
            }

            i += operand;
        }
    }

    private static readonly Dictionary<byte, OpCode> OneByteCodes = OpCodesBy(size: 1);

    private static readonly Dictionary<byte, OpCode> TwoByteCodes = OpCodesBy(size: 2);

    private static Dictionary<byte, OpCode> OpCodesBy(int size) =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (OpCode)field.GetValue(null)!)
            .Where(code => code.Size == size).ToDictionary(code => (byte)(code.Value & 0xFF));

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

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
