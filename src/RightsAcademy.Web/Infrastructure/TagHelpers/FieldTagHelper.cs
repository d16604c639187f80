using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace RightsAcademy.Web.Infrastructure.TagHelpers;

/// <summary>
/// One form field the accessible way every time: a visible label, the hint and the error tied to the input with
/// aria-describedby, aria-invalid when the server rejected it. Forms stay short and cannot forget a part.
/// </summary>
[HtmlTargetElement("ra-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> t) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>text (default), email, password, number, textarea or select.</summary>
    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    /// <summary>Already localised help text shown under the label.</summary>
    public string? Hint { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    public int Rows { get; set; } = 8;

    public string? Dir { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var hintId = $"{id}-hint";
        var errorId = $"{id}-error";
        var hasError = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0;

        var attributes = new Dictionary<string, object?>
        {
            ["aria-describedby"] = Hint is null ? errorId : $"{hintId} {errorId}",
        };
        if (hasError)
        {
            attributes["aria-invalid"] = "true";
        }

        if (For.Metadata.IsRequired && Type != "select")
        {
            attributes["aria-required"] = "true";
        }

        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (!string.IsNullOrEmpty(Dir))
        {
            attributes["dir"] = Dir;
        }

        var input = Type switch
        {
            "password" => generator.GeneratePassword(ViewContext, For.ModelExplorer, name, value: null, attributes),
            "textarea" => generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, columns: 0, attributes),
            "select" => generator.GenerateSelect(ViewContext, For.ModelExplorer, optionLabel: null, name, Items ?? [], allowMultiple: false, attributes),
            // The model's value must be passed explicitly: with a model explorer and no value the generator writes
            // value="" (only posted values in ModelState would show), so a form opened on existing data looked empty.
            _ => generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, value: For.Model, format: null,
                new Dictionary<string, object?>(attributes) { ["type"] = Type }),
        };

        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, name, labelText: null, htmlAttributes: null);
        if (For.Metadata.IsRequired && Type != "select")
        {
            label.InnerHtml.AppendHtml(" <span class=\"required\">");
            label.InnerHtml.Append(t["Field.RequiredMark"]);
            label.InnerHtml.AppendHtml("</span>");
        }

        var error = generator.GenerateValidationMessage(ViewContext, For.ModelExplorer, name, message: null, tag: "span",
            htmlAttributes: new { id = errorId, @class = "field-error" });

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field-invalid" : "field");
        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            output.Content.AppendHtml($"<p class=\"field-hint\" id=\"{hintId}\">");
            output.Content.Append(Hint);
            output.Content.AppendHtml("</p>");
        }

        output.Content.AppendHtml(error);
        output.Content.AppendHtml(input);
    }
}
