namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// The files `docker build` would send: the repository's working tree filtered by a .dockerignore file,
/// with Docker's rules (patterns relative to the context root, <c>*</c> within one path segment,
/// <c>**</c> across any number of them, <c>!</c> re-including, the last matching line deciding, and a
/// path excluded when one of its parent folders is).
/// </summary>
public sealed class BuildContext
{
    private readonly List<(Regex Pattern, bool Excludes)> _rules = [];

    public BuildContext(string ignoreFile)
    {
        foreach (var raw in File.ReadLines(ignoreFile))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var excludes = !line.StartsWith('!');
            _rules.Add((ToRegex(line.TrimStart('!').Trim('/')), excludes));
        }
    }

    public bool IsExcluded(string relativePath)
    {
        var segments = relativePath.Replace('\\', '/').Split('/');
        for (var length = 1; length <= segments.Length; length++)
        {
            var path = string.Join('/', segments[..length]);
            var excluded = false;
            foreach (var (pattern, excludes) in _rules)
            {
                if (pattern.IsMatch(path))
                {
                    excluded = excludes;
                }
            }

            if (excluded)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies what the context holds from <paramref name="root"/> to <paramref name="destination"/>.</summary>
    public void CopyTo(string root, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            Copy(root, entry, destination);
        }
    }

    private void Copy(string root, FileSystemInfo entry, string destination)
    {
        var relative = Path.GetRelativePath(root, entry.FullName);
        if (IsExcluded(relative))
        {
            return;
        }

        var target = Path.Combine(destination, relative);
        if (entry is DirectoryInfo directory)
        {
            Directory.CreateDirectory(target);
            foreach (var child in directory.EnumerateFileSystemInfos())
            {
                Copy(root, child, destination);
            }
        }
        else
        {
            File.Copy(entry.FullName, target);
        }
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = Regex.Escape(pattern)
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{regex}$", RegexOptions.CultureInvariant);
    }
}
