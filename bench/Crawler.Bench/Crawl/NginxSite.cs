using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Crawler.Bench.Crawl;

/// <summary>
/// Debian's nginx serving a <see cref="RedditThreadSite"/> folder on 127.0.0.1: static files, no compression,
/// no access log, so the server costs both crawlers as little as it can. Installed with apt-get when missing.
/// </summary>
internal sealed class NginxSite : IDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly Process _process;

    private NginxSite(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public static NginxSite Start(string siteRoot, string workDir)
    {
        Install();
        var port = FreePort.Next();
        var config = Path.Combine(workDir, "nginx.conf");
        File.WriteAllText(config, Config(siteRoot, workDir, port));
        var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in (string[])["-c", config, "-p", workDir, "-e", Path.Combine(workDir, "error.log")])
        {
            start.ArgumentList.Add(arg);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nginx");
        WaitUntilListening(process, port);
        return new NginxSite(process, port);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private static void Install()
    {
        if (File.Exists(Binary))
        {
            return;
        }
        if (ChildProcess.Run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx-light"], quiet: true) is null
            && (ChildProcess.Run("apt-get", ["update", "-qq"], quiet: false) is null
                || ChildProcess.Run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "nginx-light"], quiet: false) is null))
        {
            throw new InvalidOperationException("nginx is missing and apt-get could not install nginx-light");
        }
    }

    // The listing answers by its `after` parameter (page_.json is the newest page); a thread page by its path,
    // whatever the query says (raw_json, limit). Two workers: one per core, as a site would run it here.
    private static string Config(string root, string workDir, int port) => $$"""
        worker_processes 2;
        daemon off;
        pid {{workDir}}/nginx.pid;
        user root;
        events { worker_connections 4096; }
        http {
            access_log off;
            sendfile on;
            tcp_nopush on;
            keepalive_requests 1000000;
            default_type application/json;
            client_body_temp_path {{workDir}}/body;
            proxy_temp_path {{workDir}}/proxy;
            fastcgi_temp_path {{workDir}}/fastcgi;
            uwsgi_temp_path {{workDir}}/uwsgi;
            scgi_temp_path {{workDir}}/scgi;
            server {
                listen 127.0.0.1:{{port}};
                root {{root}};
                location = /r/{{RedditThreadSite.Community}}/new.json { try_files /listing/page_$arg_after.json =404; }
                location = /robots.txt { return 200 "User-agent: *\nAllow: /\n"; }
            }
        }
        """;

    private static void WaitUntilListening(Process process, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {process.StandardError.ReadToEnd()}");
            }
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new InvalidOperationException("nginx did not start listening within 20 s");
    }
}
