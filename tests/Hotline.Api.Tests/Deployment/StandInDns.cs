namespace Hotline.Api.Tests.Deployment;

/// <summary>
/// Stands in for Docker's DNS (127.0.0.11) for nginx's resolver: answers A queries for the names it holds,
/// several addresses for a shared alias, and "no such name" for the rest, as Docker does for a container
/// that is gone. The names can change while it runs, as containers come and go.
/// </summary>
public sealed class StandInDns : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private volatile Dictionary<string, IPAddress[]> _names = [];

    public StandInDns() => _ = ServeAsync();

    public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    public void Set(Dictionary<string, IPAddress[]> names) => _names = names;

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult query;
            try
            {
                query = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            await _socket.SendAsync(Answer(query.Buffer), query.RemoteEndPoint, _stop.Token);
        }
    }

    private byte[] Answer(byte[] query)
    {
        // Header (12 bytes), then one question: labels up to a zero byte, type (2 bytes), class (2 bytes).
        var position = 12;
        var labels = new List<string>();
        while (query[position] != 0)
        {
            labels.Add(Encoding.ASCII.GetString(query, position + 1, query[position]));
            position += query[position] + 1;
        }

        var questionEnd = position + 5;
        var type = (query[position + 1] << 8) | query[position + 2];
        var addresses = type == 1 && _names.TryGetValue(string.Join('.', labels), out var found) ? found : [];
        var known = _names.ContainsKey(string.Join('.', labels));

        var answer = new List<byte>(query[..questionEnd]);
        answer[2] = 0x81; // a response, recursion desired
        answer[3] = (byte)(known ? 0x80 : 0x83); // recursion available; "no such name" when unknown
        answer[6] = 0;
        answer[7] = (byte)addresses.Length;
        answer[8] = answer[9] = answer[10] = answer[11] = 0;
        foreach (var address in addresses)
        {
            // A pointer to the question's name, type A, class IN, TTL 5 s, four bytes of address.
            answer.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 5, 0, 4, .. address.GetAddressBytes()]);
        }

        return [.. answer];
    }
}
