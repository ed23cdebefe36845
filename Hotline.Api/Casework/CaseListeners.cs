namespace Hotline.Api.Casework;

/// <summary>
/// Which cases the consoles connected to this instance have open, and which users are connected here.
/// Message news goes only to a case's open consoles and its assignee, so a message nobody here could be
/// told of is neither read nor decrypted for a push.
/// </summary>
public sealed class CaseListeners
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Listener> _connections = [];
    private readonly Dictionary<Guid, int> _openCases = [];
    private readonly Dictionary<Guid, int> _users = [];

    /// <param name="seesAllCases">A supervisor's or admin's console, which may follow any case whoever holds it.</param>
    public void Connected(string connectionId, Guid userId, bool seesAllCases = false)
    {
        lock (_gate)
        {
            if (_connections.TryAdd(connectionId, new Listener(userId, seesAllCases)))
            {
                Count(_users, userId, +1);
            }
        }
    }

    public void Opened(string connectionId, Guid caseId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var listener) && listener.OpenCases.Add(caseId))
            {
                Count(_openCases, caseId, +1);
            }
        }
    }

    public void Left(string connectionId, Guid caseId)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var listener) && listener.OpenCases.Remove(caseId))
            {
                Count(_openCases, caseId, -1);
            }
        }
    }

    /// <summary>
    /// A console page shows one case at a time: forgets every case but <paramref name="caseId"/> that this connection had
    /// open and names them, so that the caller takes the connection out of their groups, as after <see cref="Withdraw"/>.
    /// </summary>
    public IReadOnlyList<Guid> LeaveAllBut(string connectionId, Guid caseId)
    {
        lock (_gate)
        {
            if (!_connections.TryGetValue(connectionId, out var listener))
            {
                return [];
            }

            var left = listener.OpenCases.Where(open => open != caseId).ToList();
            foreach (var open in left)
            {
                listener.OpenCases.Remove(open);
                Count(_openCases, open, -1);
            }

            return left;
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var listener))
            {
                return;
            }

            Count(_users, listener.UserId, -1);
            foreach (var caseId in listener.OpenCases)
            {
                Count(_openCases, caseId, -1);
            }
        }
    }

    /// <summary>
    /// Forgets the case for every console here that may no longer follow it (all but the holder's and those that
    /// see every case) and names their connections, so that the caller takes them out of the case's group.
    /// </summary>
    public IReadOnlyList<string> Withdraw(Guid caseId, Guid? holder)
    {
        lock (_gate)
        {
            var withdrawn = new List<string>();
            foreach (var (connectionId, listener) in _connections)
            {
                if (!listener.SeesAllCases && listener.UserId != holder && listener.OpenCases.Remove(caseId))
                {
                    Count(_openCases, caseId, -1);
                    withdrawn.Add(connectionId);
                }
            }

            return withdrawn;
        }
    }

    /// <summary>This instance's connections of one user: their own tabs, never to be announced to them as a colleague.</summary>
    public IReadOnlyList<string> ConnectionsOf(Guid userId)
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => c.Value.UserId == userId).Select(c => c.Key)];
        }
    }

    /// <summary>Whether any console is connected to this instance.</summary>
    /// <summary>How many console connections this instance holds, for the metrics.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    public bool AnyoneConnected
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count > 0;
            }
        }
    }

    /// <summary>Whether a console here has the case open or its assignee is connected here.</summary>
    public bool AnyoneHears(Guid caseId, Guid? assigneeId)
    {
        lock (_gate)
        {
            return _openCases.ContainsKey(caseId) || (assigneeId is { } assignee && _users.ContainsKey(assignee));
        }
    }

    private static void Count(Dictionary<Guid, int> counts, Guid key, int change)
    {
        var count = counts.GetValueOrDefault(key) + change;
        if (count > 0)
        {
            counts[key] = count;
        }
        else
        {
            counts.Remove(key);
        }
    }

    private sealed record Listener(Guid UserId, bool SeesAllCases)
    {
        public HashSet<Guid> OpenCases { get; } = [];
    }
}
