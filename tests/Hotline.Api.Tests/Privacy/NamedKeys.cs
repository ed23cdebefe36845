namespace Hotline.Api.Tests.Privacy;

/// <summary>
/// Privacy keys made for one test under the ids it names ("k1", "k2"), for hosts that write under one key and rotate to
/// another: <see cref="Settings"/> makes one current with some listed, as an operator configures a rotation.
/// </summary>
public sealed class NamedKeys(params string[] ids)
{
    private readonly Dictionary<string, string> _keys = ids.ToDictionary(id => id, _ => TestKeys.NewKey());

    /// <summary>The key material of <paramref name="id"/>.</summary>
    public string this[string id] => _keys[id];

    /// <summary>The settings that make <paramref name="current"/> the key new values are sealed under and <paramref name="listed"/> the keys that read.</summary>
    public Dictionary<string, string?> Settings(string current, params string[] listed)
    {
        var settings = new Dictionary<string, string?> { ["Hotline:Privacy:CurrentKeyId"] = current };
        foreach (var id in listed)
        {
            settings[$"Hotline:Privacy:Keys:{id}"] = _keys[id];
        }

        return settings;
    }
}
