namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// An nginx configuration file read as nginx reads it: directives ending in ';' and blocks in braces, with
/// '#' comments and quoted words. Enough to ask what a location ends up with, its own value or the one it
/// inherits from the server (or the file's top level, the http block it is included in).
/// </summary>
public sealed record NginxDirectives(string Name, IReadOnlyList<string> Arguments, IReadOnlyList<NginxDirectives> Children)
{
    public static NginxDirectives Parse(string text)
    {
        var words = Words(text).GetEnumerator();
        return new NginxDirectives("", [], Block(words, topLevel: true));
    }

    public IEnumerable<NginxDirectives> All(string name) => Children.Where(c => c.Name == name);

    /// <summary>The directive's arguments set here, or null when this block does not set it.</summary>
    public IReadOnlyList<string>? Own(string name) => All(name).LastOrDefault()?.Arguments;

    private static List<NginxDirectives> Block(IEnumerator<string> words, bool topLevel)
    {
        var block = new List<NginxDirectives>();
        var current = new List<string>();
        while (words.MoveNext())
        {
            switch (words.Current)
            {
                case ";":
                    block.Add(new NginxDirectives(current[0], current[1..], []));
                    current = [];
                    break;
                case "{":
                    block.Add(new NginxDirectives(current[0], current[1..], Block(words, topLevel: false)));
                    current = [];
                    break;
                case "}":
                    Assert.False(topLevel, "A '}' closes no block.");
                    return block;
                default:
                    current.Add(words.Current);
                    break;
            }
        }

        Assert.True(topLevel, "A block is not closed.");
        return block;
    }

    private static IEnumerable<string> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is ';' or '{' or '}')
            {
                yield return c.ToString();
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                yield return text[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or '{' or '}'))
                {
                    i++;
                }

                yield return text[start..i];
            }
        }
    }
}
