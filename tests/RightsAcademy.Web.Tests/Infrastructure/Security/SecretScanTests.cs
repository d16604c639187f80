using System.Diagnostics;
using System.Security.Cryptography;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>No secret in the repository: every file git tracks is scanned (logs: <see cref="LogPrivacyTests"/>).</summary>
public sealed class SecretScanTests : IDisposable
{
    private readonly string _sample = Directory.CreateTempSubdirectory("ra-secret-scan-").FullName;

    [Fact]
    public void No_tracked_file_holds_a_private_key_a_password_or_an_api_token()
    {
        var root = RepositoryRoot();
        var files = TrackedFiles(root);
        Assert.True(files.Count > 100, $"git ls-files listed only {files.Count} files");
        Assert.Contains("infra/production/rightsacademy.env.example", files);

        var findings = SecretScanner.Scan(root, files);

        Assert.True(findings.Count == 0, "Secrets in the repository:\n" + string.Join('\n', findings));
    }

    [Fact]
    public void The_scanner_finds_each_kind_of_planted_secret()
    {
        // Built at run time (keys generated, names split), so this file itself holds nothing for the repository scan.
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var planted = new Dictionary<string, string>
        {
            ["keys/issuer.pem"] = ecdsa.ExportPkcs8PrivateKeyPem(),
            ["old/rsa.txt"] = RSA.Create(2048).ExportRSAPrivateKeyPem(),
            ["appsettings.Production.json"] = """{ "ConnectionStrings": { "Default": "Host=db;Database=ra;Username=ra;Pass""" + """word=Tr0ub4dor-and-3" } }""",
            ["deploy.env"] = "Smtp__Pass" + "word=hunter2hunter2\n",
            ["backup.sh"] = "export PGPASS" + "WORD=s3cretPassw0rd\n",
            ["settings.json"] = "{ \"SmtpPassword\": \"real-password-here\" }",
            ["cloud.txt"] = "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE",
            ["ci.yml"] = "token: gh" + "p_" + new string('a', 36),
            ["client.js"] = "const apiKey = '" + "Zx81kLm0Qp2Rs3Tu4Vw5Xy6Z" + "';",
            ["jwt.txt"] = "Authorization: Bearer eyJ" + "hbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMyJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU",
        };
        foreach (var (path, text) in planted)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_sample, path))!);
            File.WriteAllText(Path.Combine(_sample, path), text);
        }

        File.WriteAllBytes(Path.Combine(_sample, "site.pfx"), [0x30, 0x82, 0x00]);

        var findings = SecretScanner.Scan(_sample, [.. planted.Keys, "site.pfx"]);

        foreach (var path in planted.Keys.Append("site.pfx"))
        {
            Assert.True(findings.Any(f => f.File == path), $"the planted secret in {path} was not found; findings: {string.Join("; ", findings)}");
        }
    }

    [Fact]
    public void Documented_placeholders_variables_and_a_bare_key_header_are_not_secrets()
    {
        var harmless = string.Join('\n',
            "ConnectionStrings__Default=Host=db.internal;Database=ra;Username=ra;Password=CHANGE-ME;SSL Mode=Require",
            "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password",
            "export ConnectionStrings__Default=\"Host=127.0.0.1;Password=$(cat \"$pwfile\")\"",
            "$\"Host=127.0.0.1;Port={port};Password={password}\"",
            "PGPASSWORD=… PGDATABASE=rightsacademy",
            "Assert.Contains(\"-----BEGIN PRIVATE KEY-----\", text);");

        Assert.Empty(SecretScanner.ScanText("harmless.txt", harmless));
    }

    public void Dispose() => Directory.Delete(_sample, recursive: true);

    private static List<string> TrackedFiles(string root)
    {
        var git = new ProcessStartInfo("git", ["-C", root, "ls-files", "-z"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(git) ?? throw new InvalidOperationException("git did not start.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git ls-files failed: {error}");
        return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RightsAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RightsAcademy.sln not found above the test folder.");
    }
}
