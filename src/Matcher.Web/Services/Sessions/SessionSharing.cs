using System.Security.Cryptography;
using Matcher.Core.Documents;
using Matcher.Core.Users;
using Matcher.Data;
using Matcher.Data.Entities;
using Matcher.Web.Accounts;
using Matcher.Web.Services.Audit;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Services.Sessions;

/// <summary>One advisor's access to a session, an invitation link nobody has accepted yet, or a share with an e-mail address.</summary>
/// <param name="ByEmail">
/// Shared with an e-mail address: whoever holds an advisor account with that address sees the session, now or once
/// such an account exists. Its owner is never told which, so sharing cannot be used to find out who has an account.
/// </param>
public sealed record SessionShare(
    Guid Id, string? AdvisorName, string? AdvisorEmail, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? AcceptedAt, bool ByEmail = false)
{
    public bool IsPendingInvitation => AcceptedAt is null && !ByEmail;
}

/// <summary>What an advisor sees before accepting an invitation.</summary>
public sealed record InvitationPreview(Guid SessionId, string SessionTitle, string CandidateName, DateTimeOffset ExpiresAt);

/// <summary>
/// A candidate opens a session to an advisor — by the advisor's e-mail or by an invitation link — and
/// can close it again. Only the session's owner manages its shares; only the token's hash is stored.
/// A share by e-mail answers the same whether or not an advisor account uses the address.
/// </summary>
public sealed class SessionSharing(
    IDbContextFactory<MatcherDbContext> dbFactory, ICurrentUser user, AccessScope access, AuditLog audit, TimeProvider clock, IOptions<AccountOptions> options)
{
    public async Task<bool> IsOwnerAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await access.Owned<MatchSessionEntity>(db).AnyAsync(s => s.Id == sessionId, cancellationToken);
    }

    /// <summary>The candidate's name, for an advisor looking at a session shared with them; null for one's own.</summary>
    public async Task<string?> SharedByAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only of a session the caller can see: the name of someone else's session's owner is not anyone's to look up.
        var owner = await (
            from s in access.Visible<MatchSessionEntity>(db)
            where s.Id == sessionId
            join u in db.Users on s.OwnerId equals u.Id
            select new { s.OwnerId, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return owner is null || access.IsMine(owner.OwnerId) ? null : owner.DisplayName;
    }

    public async Task<IReadOnlyList<SessionShare>> ListAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await (
            from s in access.Owned<SessionShareEntity>(db)
            where s.SessionId == sessionId && s.RevokedAt == null
            join u in db.Users on s.AdvisorId equals u.Id into advisors
            from a in advisors.DefaultIfEmpty()
            select new
            {
                s.Id, Name = a == null ? null : a.DisplayName, Email = a == null ? s.AdvisorEmail : a.Email, s.CreatedAt, s.ExpiresAt, s.AcceptedAt,
                ByEmail = s.AdvisorId == null && s.TokenSha256 == null,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => r.ByEmail || r.AcceptedAt is not null || r.ExpiresAt is null || r.ExpiresAt > now)
            .OrderBy(r => r.CreatedAt)
            .Select(r => r.ByEmail
                ? ByEmailShare(r.Id, r.Email!, r.CreatedAt)
                : new SessionShare(r.Id, r.Name, r.Email, r.CreatedAt, r.ExpiresAt, r.AcceptedAt))
            .ToList();
    }

    private static SessionShare ByEmailShare(Guid id, string normalizedEmail, DateTimeOffset createdAt) =>
        new(id, null, normalizedEmail.ToLowerInvariant(), createdAt, null, null, ByEmail: true);

    /// <summary>An address as the account store compares addresses (see <c>UpperInvariantLookupNormalizer</c>).</summary>
    internal static string NormalizeEmail(string email) => email.Trim().Normalize().ToUpperInvariant();

    /// <summary>
    /// Shares with whoever holds an advisor account with this e-mail address: at once if such an account exists, else
    /// as soon as one does. The answer is the same either way, so it tells the candidate nothing about other accounts.
    /// </summary>
    /// <exception cref="InputException">The address is not an e-mail address, or is the candidate's own.</exception>
    public async Task<SessionShare> ShareWithAdvisorAsync(Guid sessionId, string email, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireOwnerAsync(db, sessionId, cancellationToken);
        var typed = (email ?? "").Trim();
        if (typed.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(typed, out var parsed) || parsed.Address != typed)
            throw new InputException("That is not an e-mail address. Enter your advisor's address, like name@example.org.");
        var normalized = NormalizeEmail(typed);
        if (await db.Users.AnyAsync(u => u.Id == user.Id && u.NormalizedEmail == normalized, cancellationToken))
            throw new InputException("That is your own address. Enter your advisor's e-mail address.");

        var existing = await access.Owned<SessionShareEntity>(db).FirstOrDefaultAsync(
            s => s.SessionId == sessionId && s.RevokedAt == null && s.TokenSha256 == null && s.AdvisorId == null
                && s.AdvisorEmail == normalized, cancellationToken);
        if (existing is null)
        {
            existing = new SessionShareEntity
            {
                Id = Guid.NewGuid(), OwnerId = user.Id, SessionId = sessionId, AdvisorEmail = normalized, CreatedAt = clock.GetUtcNow(),
            };
            db.SessionShares.Add(existing);
            await db.SaveChangesAsync(cancellationToken);
            // What was done, and no more: whether an account uses the address is not the candidate's to learn, even from their own log.
            await audit.RecordAsync(user, AuditActions.ShareCreated, $"session:{sessionId}", $"e-mail share {existing.Id}", cancellationToken);
        }
        return ByEmailShare(existing.Id, normalized, existing.CreatedAt);
    }

    /// <summary>Creates a link the first advisor to open and accept gets access through. Returns the token.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresAt)> CreateInvitationAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await RequireOwnerAsync(db, sessionId, cancellationToken);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expires = now + options.Value.InvitationLifetime;
        db.SessionShares.Add(new SessionShareEntity
        {
            Id = Guid.NewGuid(), OwnerId = user.Id, SessionId = sessionId, TokenSha256 = Hash(token), CreatedAt = now, ExpiresAt = expires,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(user, AuditActions.ShareCreated, $"session:{sessionId}", "invitation link", cancellationToken);
        return (token, expires);
    }

    /// <summary>Ends a share or invitation at once: the next page load or download of the advisor finds nothing.</summary>
    public async Task<bool> RevokeAsync(Guid shareId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var share = await access.Editable<SessionShareEntity>(db).FirstOrDefaultAsync(s => s.Id == shareId && s.RevokedAt == null, cancellationToken);
        if (share is null)
            return false;
        share.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var what = share.AdvisorId is { } advisor ? $"advisor:{advisor}" : share.TokenSha256 is null ? $"e-mail share {share.Id}" : "invitation link";
        await audit.RecordAsync(user, AuditActions.ShareRevoked, $"session:{share.SessionId}", what, cancellationToken);
        return true;
    }

    public async Task<InvitationPreview?> PreviewInvitationAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var share = await FindOpenInvitationAsync(db, token, cancellationToken);
        if (share is null)
            return null;
        var preview = await (
            from s in db.Sessions
            where s.Id == share.SessionId
            join u in db.Users on s.OwnerId equals u.Id
            select new { s.Title, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        return preview is null ? null : new InvitationPreview(share.SessionId, preview.Title, preview.DisplayName, share.ExpiresAt!.Value);
    }

    /// <summary>Binds an invitation to the signed-in advisor and returns the session it opens.</summary>
    public async Task<Guid> AcceptInvitationAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await StoredRoles.HoldsAsync(db, user, Roles.Advisor, cancellationToken))
            throw new ForbiddenException("Only advisor accounts can accept a session invitation. Ask an administrator to give your account the advisor role.");
        var share = await FindOpenInvitationAsync(db, token, cancellationToken)
            ?? throw new NotFoundException("This invitation has expired, was withdrawn or was already used. Ask the candidate for a new link.");
        if (access.IsMine(share))
            throw new InputException("This is an invitation to your own session; send the link to your advisor.");
        var now = clock.GetUtcNow();
        share.AdvisorId = user.Id;
        share.AcceptedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(user, AuditActions.ShareAccepted, $"session:{share.SessionId}", cancellationToken: cancellationToken);
        return share.SessionId;
    }

    private async Task<SessionShareEntity?> FindOpenInvitationAsync(MatcherDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var share = await db.SessionShares.FirstOrDefaultAsync(s => s.TokenSha256 == hash && s.RevokedAt == null && s.AcceptedAt == null, cancellationToken);
        return share is not null && share.ExpiresAt > clock.GetUtcNow() ? share : null;
    }

    private async Task RequireOwnerAsync(MatcherDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await access.Editable<MatchSessionEntity>(db).AnyAsync(s => s.Id == sessionId, cancellationToken))
            throw new ForbiddenException("Only the candidate whose session this is can share it.");
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
