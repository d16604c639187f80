using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>Model binding's built-in messages ("The value '' is invalid.") are shown to users: localise them.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.Invalid"]);
        messages.SetUnknownValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.Invalid"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
        messages.SetValueMustBeANumberAccessor(_ => t["Validation.Number"]);
        messages.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
        messages.SetMissingBindRequiredValueAccessor(_ => t["Validation.Required"]);
        messages.SetMissingKeyOrValueAccessor(() => t["Validation.Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.Required"]);
    }
}
