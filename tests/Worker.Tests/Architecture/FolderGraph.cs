using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Crawler.Worker.Tests.Architecture;

/// <summary>
/// Which top-level folder (namespace under <c>Crawler.Worker</c>) of an assembly uses types of which other,
/// read from the compiled code: signatures, fields, base types, attributes and every type, method and field
/// a method body touches (closures and async state machines count for the type that declares them).
/// </summary>
internal sealed class FolderGraph
{
    private readonly string _root;

    private FolderGraph(string root) => _root = root;

    /// <summary>Folder to the folders it uses, each with one example of a use.</summary>
    public Dictionary<string, Dictionary<string, string>> Edges { get; } = new(StringComparer.Ordinal);

    public static FolderGraph Read(string assemblyPath, string rootNamespace)
    {
        var graph = new FolderGraph(rootNamespace);
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        foreach (var type in assembly.MainModule.GetTypes())
        {
            if (graph.FolderOf(type) is { } from)
            {
                foreach (var used in Uses(type))
                {
                    graph.Add(from, used, type);
                }
            }
        }
        return graph;
    }

    /// <summary>Every pair of folders that use each other, with an example each way.</summary>
    public IEnumerable<string> MutualUses() =>
        from a in Edges
        from b in a.Value
        where string.CompareOrdinal(a.Key, b.Key) < 0 && Edges.GetValueOrDefault(b.Key)?.ContainsKey(a.Key) == true
        select $"{a.Key} <-> {b.Key}: {b.Value}; {Edges[b.Key][a.Key]}";

    private void Add(string from, TypeReference used, TypeDefinition by)
    {
        if (FolderOf(used) is { } to && to != from)
        {
            var uses = Edges.TryGetValue(from, out var known) ? known : Edges[from] = new Dictionary<string, string>(StringComparer.Ordinal);
            uses.TryAdd(to, $"{Outermost(by).FullName} uses {Outermost(used).FullName}");
        }
    }

    private string? FolderOf(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (!ns.StartsWith(_root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        return ns[(_root.Length + 1)..].Split('.')[0];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    private static IEnumerable<TypeReference> Uses(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }
        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }
        foreach (var field in type.Fields)
        {
            yield return field.FieldType;
        }
        foreach (var attribute in type.CustomAttributes)
        {
            yield return attribute.AttributeType;
        }
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
            {
                yield return parameter.ParameterType;
            }
            if (!method.HasBody)
            {
                continue;
            }
            foreach (var variable in method.Body.Variables)
            {
                yield return variable.VariableType;
            }
            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var used in Operand(instruction))
                {
                    yield return used;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => [.. Expand(m.DeclaringType), .. Expand(m.ReturnType), .. m.Parameters.SelectMany(p => Expand(p.ParameterType)),
            .. (m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : [])],
        FieldReference f => [.. Expand(f.DeclaringType), .. Expand(f.FieldType)],
        _ => [],
    };

    /// <summary>A type and the types it is built from: generic arguments, element types.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type.GetElementType();
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }
}
