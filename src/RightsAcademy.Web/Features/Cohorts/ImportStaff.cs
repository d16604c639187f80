using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Staff from a CSV file (name, e-mail, municipality, department, language, time zone). Every row is checked
/// first and every problem reported with its row number; only a file without problems is imported, in one
/// transaction, so a coordinator never has to find out which half of a file went in. Unknown addresses get a
/// learner account and the usual invitation mail (written to the outbox in the same transaction); known ones
/// just join. A coordinator may create accounts for the cohort's municipalities, which is what running a
/// multi-city cohort needs.
/// </summary>
public static class ImportStaff
{
    public const int MaxRows = 2000;

    public static readonly IReadOnlyList<string> Columns = ["name", "email", "municipality", "department", "language", "timezone"];

    public sealed record Problem(int Row, string Key, string? Value = null);

    public enum RowOutcome { Added, Waitlisted, AlreadyMember, Invited }

    public sealed record RowResult(int Row, string Email, RowOutcome Outcome);

    public sealed record Result(bool NotFound, IReadOnlyList<Problem> Problems, IReadOnlyList<RowResult> Imported)
    {
        public bool Succeeded => !NotFound && Problems.Count == 0;
    }

    private sealed record Parsed(int Row, string Name, string Email, Guid MunicipalityId, string? Department, string Language, string TimeZone);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, AccountMails mails, CohortSeats seats, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Guid cohortId, string csv, ClaimsPrincipal importer, Func<Guid, string, string> acceptLink,
            CancellationToken cancellationToken)
        {
            var cohort = await db.Manageable(importer).Where(c => c.Id == cohortId)
                .Select(c => new { c.Id, Municipalities = c.Municipalities.Select(m => m.MunicipalityId).ToList() })
                .SingleOrDefaultAsync(cancellationToken);
            if (cohort is null)
            {
                return new Result(true, [], []);
            }

            var municipalities = await db.Municipalities.Select(m => new { m.Id, m.Name, m.TimeZone, m.DefaultLanguage }).ToListAsync(cancellationToken);
            var problems = new List<Problem>();
            var rows = CsvReader.Read(csv).Select((cells, index) => (Cells: cells, Row: index + 1))
                .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
            if (rows.Count < 2)
            {
                return new Result(false, [new Problem(0, "Cohorts.Import.Empty")], []);
            }

            if (rows.Count - 1 > MaxRows)
            {
                return new Result(false, [new Problem(0, "Cohorts.Import.TooManyRows", MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture))], []);
            }

            var header = rows[0].Cells.Select(Normalise).ToList();
            var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
            var missing = index.Where(kv => kv.Value < 0 && kv.Key is "name" or "email" or "municipality").Select(kv => kv.Key).ToList();
            if (missing.Count > 0)
            {
                return new Result(false, [new Problem(rows[0].Row, "Cohorts.Import.MissingColumns", string.Join(", ", missing))], []);
            }

            var parsed = new List<Parsed>();
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var emailCheck = new EmailAddressAttribute();
            foreach (var (cells, row) in rows.Skip(1))
            {
                string Cell(string column) => index[column] is var i && i >= 0 && i < cells.Count ? cells[i].Trim() : "";
                var before = problems.Count;
                var name = Cell("name");
                var email = Cell("email");
                var municipalityName = Cell("municipality");
                var department = Cell("department");
                var language = Cell("language").ToLowerInvariant();
                var timeZone = Cell("timezone");
                if (name.Length == 0) problems.Add(new(row, "Cohorts.Import.MissingName"));
                else if (name.Length > 200) problems.Add(new(row, "Cohorts.Import.NameTooLong"));
                if (email.Length == 0 || email.Length > 256 || !emailCheck.IsValid(email) || email.Contains(' ', StringComparison.Ordinal))
                {
                    problems.Add(new(row, "Cohorts.Import.BadEmail", email));
                }
                else if (seen.TryGetValue(email, out var first))
                {
                    problems.Add(new(row, "Cohorts.Import.Duplicate", first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else
                {
                    seen[email] = row;
                }

                var municipality = municipalities.Find(m => string.Equals(m.Name, municipalityName, StringComparison.OrdinalIgnoreCase));
                if (municipality is null) problems.Add(new(row, "Cohorts.Import.UnknownMunicipality", municipalityName));
                else if (!cohort.Municipalities.Contains(municipality.Id)) problems.Add(new(row, "Cohorts.Import.MunicipalityNotInCohort", municipality.Name));
                if (language.Length > 0 && !SupportedCultures.IsSupported(language)) problems.Add(new(row, "Cohorts.Import.UnknownLanguage", language));
                if (timeZone.Length > 0 && !TimeZoneCatalog.IsKnown(timeZone)) problems.Add(new(row, "Cohorts.Import.UnknownTimeZone", timeZone));
                if (department.Length > 200) problems.Add(new(row, "Cohorts.Import.DepartmentTooLong"));
                if (problems.Count == before)
                {
                    parsed.Add(new Parsed(row, name, email, municipality!.Id, department.Length == 0 ? null : department,
                        language.Length == 0 ? municipality.DefaultLanguage : language, timeZone.Length == 0 ? municipality.TimeZone : timeZone));
                }
            }

            if (problems.Count > 0)
            {
                return new Result(false, problems, []);
            }

            var inviterName = importer.Find(AppClaims.DisplayName) ?? "";
            var imported = new List<RowResult>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in parsed)
            {
                var user = await users.FindByEmailAsync(row.Email);
                var invited = false;
                if (user is null)
                {
                    user = new AppUser
                    {
                        UserName = row.Email,
                        Email = row.Email,
                        DisplayName = row.Name,
                        MunicipalityId = row.MunicipalityId,
                        Department = row.Department,
                        PreferredLanguage = row.Language,
                        TimeZone = row.TimeZone,
                        CreatedUtc = clock.GetUtcNow(),
                        InvitedUtc = clock.GetUtcNow(),
                        FirstInvitedUtc = clock.GetUtcNow(),
                    };
                    var created = await users.CreateAsync(user);
                    if (!created.Succeeded)
                    {
                        // Nothing of the file stays: the transaction is disposed without commit.
                        return new Result(false, [new Problem(row.Row, "Cohorts.Import.AccountRefused", row.Email)], []);
                    }

                    await users.AddToRoleAsync(user, Roles.Learner);
                    var token = await users.GenerateUserTokenAsync(user, TokenOptions.DefaultProvider, InviteUser.Handler.TokenPurpose);
                    await mails.SendInvitationAsync(user, inviterName, acceptLink(user.Id, AccountLinks.EncodeToken(token)), cancellationToken);
                    invited = true;
                }

                var outcome = await seats.AddAsync(cohortId, user.Id, cancellationToken) switch
                {
                    CohortSeats.Outcome.Joined => invited ? RowOutcome.Invited : RowOutcome.Added,
                    CohortSeats.Outcome.Waitlisted => RowOutcome.Waitlisted,
                    _ => RowOutcome.AlreadyMember,
                };
                imported.Add(new RowResult(row.Row, row.Email, outcome));
            }

            await transaction.CommitAsync(cancellationToken);
            return new Result(false, [], imported);
        }

        private static string Normalise(string header) =>
            new string([.. header.Trim().ToLowerInvariant().Where(char.IsLetter)]) switch
            {
                "emailaddress" or "mail" => "email",
                "fullname" or "displayname" => "name",
                "city" => "municipality",
                "tz" => "timezone",
                var other => other,
            };
    }
}
