using System.Collections.Frozen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotline.Api.Tests.Storage;

/// <summary>
/// Reads C# source for the SQL statements it names, and which class names each, and lists what breaks
/// the rule that every statement file is run by exactly one repository or store class.
/// </summary>
/// <remarks>
/// A statement name is a string literal shaped <c>{Entity}_{Action}</c> whose entity is one the statement
/// files know (so a misspelt action is caught wherever the name is written, even when it is handed on
/// through a parameter), or any string literal in the statement argument of a <see cref="DbSession"/>
/// method (so a misspelt entity is caught too). A class is the outermost type around the literal.
/// </remarks>
internal static partial class StatementOwnership
{
    public sealed record SourceFile(string Path, string Text);

    private static readonly FrozenSet<string> SessionStatementMethods = typeof(DbSession).GetMethods()
        .Where(m => m.GetParameters() is [{ Name: "statement" }, ..])
        .Select(m => m.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The source files of a project folder, build output left out.</summary>
    public static IReadOnlyList<SourceFile> ReadProject(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projectFolder, path))
            .Where(path => !path.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(path, File.ReadAllText(Path.Combine(projectFolder, path))))
            .ToList();

    /// <summary>What breaks the rule, one line each, in a stable order; empty when every statement has one owner.</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<SourceFile> sources, IReadOnlyCollection<string> statementFiles)
    {
        var files = statementFiles.ToHashSet(StringComparer.Ordinal);
        var references = References(sources, Entities(statementFiles)).ToList();
        var names = references.OfType<NameReference>().GroupBy(r => r.Name, StringComparer.Ordinal).ToList();
        var violations = new List<string>();
        foreach (var name in names)
        {
            var owners = name.Select(r => r.Owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (!files.Contains(name.Key))
            {
                violations.Add($"{name.Key}: named by {string.Join(", ", owners)}, but there is no file Storage/Sql/{name.Key}.sql");
            }

            if (owners.Count > 1)
            {
                violations.Add($"{name.Key}: run from {owners.Count} classes ({string.Join(", ", owners)}); one owner runs it and the others call the owner");
            }

            foreach (var endpoint in owners.Where(IsEndpointOrHub))
            {
                violations.Add($"{name.Key}: run from {endpoint}, an endpoint or hub; it calls the owner class instead");
            }
        }

        violations.AddRange(files.Except(names.Select(n => n.Key), StringComparer.Ordinal)
            .Select(file => $"{file}: a statement file that no code names"));
        violations.AddRange(references.OfType<BuiltName>()
            .Select(built => $"{built.Owner}: builds a statement name at run time ({built.Text}); write the name whole so it can be checked"));
        return violations.Order(StringComparer.Ordinal).ToList();
    }

    private static FrozenSet<string> Entities(IEnumerable<string> statementFiles) =>
        statementFiles.Select(name => name.Split('_')[0]).ToFrozenSet(StringComparer.Ordinal);

    private static bool IsEndpointOrHub(string owner) =>
        owner.EndsWith("Endpoints", StringComparison.Ordinal) || owner.EndsWith("Hub", StringComparison.Ordinal);

    private static IEnumerable<Reference> References(IEnumerable<SourceFile> sources, FrozenSet<string> entities)
    {
        foreach (var source in sources)
        {
            var root = CSharpSyntaxTree.ParseText(source.Text, path: source.Path).GetRoot();
            var statementArguments = root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(call => call.Expression is MemberAccessExpressionSyntax member && SessionStatementMethods.Contains(member.Name.Identifier.Text))
                .Select(call => call.ArgumentList.Arguments.FirstOrDefault()?.Expression)
                .OfType<ExpressionSyntax>()
                .ToList();
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
            {
                var text = literal.Token.ValueText;
                var shape = StatementShape().Match(text);
                var isStatementArgument = statementArguments.Any(argument => argument.Span.Contains(literal.Span));
                if (isStatementArgument || (shape.Success && entities.Contains(shape.Groups["entity"].Value)))
                {
                    yield return new NameReference(text, OwnerOf(literal));
                }
            }

            foreach (var built in root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
            {
                var leadingText = built.Contents.FirstOrDefault() is InterpolatedStringTextSyntax first ? first.TextToken.ValueText : "";
                if (entities.Any(entity => leadingText.StartsWith(entity + "_", StringComparison.Ordinal)))
                {
                    yield return new BuiltName(built.ToString(), OwnerOf(built));
                }
            }
        }
    }

    /// <summary>The outermost type around the node, with its namespace: nested records belong to their class.</summary>
    private static string OwnerOf(SyntaxNode node)
    {
        var type = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().LastOrDefault();
        var space = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().LastOrDefault();
        var name = type?.Identifier.Text ?? "(top-level code)";
        return space is null ? name : $"{space.Name}.{name}";
    }

    [GeneratedRegex("^(?<entity>[A-Z][A-Za-z]*)_[A-Z][A-Za-z]*$")]
    private static partial Regex StatementShape();

    private abstract record Reference(string Owner);

    private sealed record NameReference(string Name, string Owner) : Reference(Owner);

    private sealed record BuiltName(string Text, string Owner) : Reference(Owner);
}
