using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using PolicyFlow.Directories;
using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Studio.Pages;

/// <summary>The import's steps: read (paste or upload), preview, publish, launch. Refusals are shown, never thrown.</summary>
public partial class PolicyImport
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }
        Reset();
        if (file.Size > PolicyDocumentParser.MaxBytes)
        {
            Refuse("Policy.CannotRead", [L["Policy.TooLarge"]]);
            return;
        }
        await RunAsync(async caller =>
        {
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(PolicyDocumentParser.MaxBytes))
            {
                await upload.CopyToAsync(buffer);
            }
            // The parser reads the bytes first: a GBK file gets its own message naming the byte, not a garbled text.
            var preview = await PreviewUseCase.ReadAsync(caller, buffer.ToArray(), allowIncomplete: false);
            _text = StrictUtf8.GetString(buffer.ToArray()).TrimStart('\uFEFF');
            _fileNote = L.Format("Policy.Uploaded", file.Name, (file.Size / 1024.0).ToString("0.#", CultureInfo.CurrentCulture));
            Show(preview);
        });
    }

    private Task PreviewAsync()
    {
        Reset();
        return RunAsync(async caller => Show((await PreviewUseCase.CorrectedAsync(caller, _text ?? "", false, null)).Preview));
    }

    /// <summary>The policy already took effect (as read, or as the office dated it): its work is tracked from a day it chooses.</summary>
    private bool TrackingStartNeeded => TrackingStart.Needed(_effective is { } day ? DateOnly.FromDateTime(day) : null, Clock.GetUtcNow());

    private DateOnly? TrackingStartOn => TrackingStartNeeded && _trackingStart is { } day ? DateOnly.FromDateTime(day) : null;

    private void Edit(MeasurePreview measure) => _editing = measure;

    // A correction is tried on the whole list before it is kept: one that cannot apply is shown and changes nothing.
    private Task CorrectAsync(IReadOnlyList<PolicyCorrection> corrections) => RunAsync(caller => UseCorrections(caller, [.. _corrections, .. corrections]));

    private Task UndoAsync() => RunAsync(caller => _corrections.Count == 0 ? Task.CompletedTask : UseCorrections(caller, _corrections[..^1]));

    private async Task UseCorrections(Caller caller, List<PolicyCorrection> corrections)
    {
        var corrected = await PreviewUseCase.CorrectedAsync(caller, _text ?? "", false, corrections);
        _corrections = corrections;
        _changes = corrected.Changes;
        _editing = null;
        ShowMeasures(corrected.Preview);
    }

    private void Show(PolicyPreview preview)
    {
        _effective = preview.EffectiveOn?.ToDateTime(TimeOnly.MinValue);
        _trackingStart = TrackingStart.Default(Clock.GetUtcNow()).ToDateTime(TimeOnly.MinValue);
        ShowMeasures(preview);
    }

    // The agencies to map follow the corrections: a corrected lead the directory does not know must be mapped too.
    private void ShowMeasures(PolicyPreview preview)
    {
        _preview = preview;
        var unknown = preview.Measures.SelectMany(m => m.CoAgencies.Prepend(m.Lead)).OfType<AgencyRef>()
            .Where(a => !a.IsKnown).Select(a => a.WrittenName).Distinct(StringComparer.Ordinal);
        _mappings = unknown.ToDictionary(n => n, n => _mappings.GetValueOrDefault(n), StringComparer.Ordinal);
    }

    private Task PublishAsync() => RunAsync(async caller =>
    {
        var mappings = _mappings.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!.Id, StringComparer.Ordinal);
        var effective = _effective is { } day ? DateOnly.FromDateTime(day) : (DateOnly?)null;
        _published = await PublishUseCase.HandleAsync(caller,
            new ImportRequest(_text ?? "", effective, mappings, _acceptUnmapped, Corrections: _corrections, TrackingStartOn: TrackingStartOn));
        _editing = null;
        Snackbar.Add(L.Format("Policy.Published.Ok", _published.DocumentNumber ?? _published.Title, _published.Measures.Count), Severity.Success);
    });

    // Launching again returns the same instances (their ids derive from the measures), so a double click is harmless.
    private Task LaunchAsync() => RunAsync(async caller =>
    {
        _launched = await LaunchUseCase.HandleAsync(caller, _published!.Id, TrackingStartOn);
        Snackbar.Add(L.Format("Policy.Launched", _launched.Count), Severity.Success);
    });

    private void Refuse(string titleKey, IReadOnlyList<string> problems)
    {
        _problemsTitle = L[titleKey];
        _problems = problems;
    }

    // An exception escaping an event handler would end the circuit, so every step goes through here.
    private async Task RunAsync(Func<Caller, Task> step)
    {
        _busy = true;
        _problems = [];
        try
        {
            // Importing and launching belong to the policy office and administrators, whatever the page shows: the use cases check.
            await step(await User.CallerAsync());
        }
        catch (AccessDeniedException)
        {
            Refuse("Access.Refused", [L["Access.Refused"]]);
        }
        catch (PolicyFormatException ex)
        {
            Refuse("Policy.CannotRead", [ex.Message]);
        }
        catch (DecoderFallbackException ex)
        {
            Refuse("Policy.CannotRead", [ex.Message]);
        }
        catch (PolicyCorrectionException ex)
        {
            Refuse("Policy.CannotCorrect", [ex.Message]);
        }
        catch (PolicyImportException ex)
        {
            Refuse("Policy.CannotPublish", ex.Problems);
        }
        catch (EngineException ex)
        {
            Refuse("Policy.CannotPublish", [ex.Message]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LogError(ex, "Policy import step failed");
            Refuse("Common.Unexpected", [L["Common.Unexpected"]]);
        }
        finally
        {
            _busy = false;
        }
    }
}
