using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Api.Auth;

/// <summary>
/// The hub connections of this instance, by the session that opened them, so that an ended session's
/// connections can be closed: its tabs then fail to reconnect (401) and show the sign-in page.
/// </summary>
public sealed class LiveSessions
{
    private readonly ConcurrentDictionary<string, (Guid SessionId, HubCallerContext Connection)> _connections = new(StringComparer.Ordinal);

    public void Connected(Guid sessionId, HubCallerContext connection) => _connections[connection.ConnectionId] = (sessionId, connection);

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>The sessions that have a connection on this instance now, each with the principal its connections signed in as.</summary>
    public IReadOnlyList<(Guid SessionId, ClaimsPrincipal Principal)> Sessions() =>
        _connections.Values.Where(c => c.Connection.User is not null).DistinctBy(c => c.SessionId).Select(c => (c.SessionId, c.Connection.User!)).ToList();

    /// <summary>Closes every connection of the session on this instance.</summary>
    public void Close(Guid sessionId)
    {
        foreach (var (connectionId, entry) in _connections)
        {
            if (entry.SessionId == sessionId && _connections.TryRemove(connectionId, out _))
            {
                entry.Connection.Abort();
            }
        }
    }
}
