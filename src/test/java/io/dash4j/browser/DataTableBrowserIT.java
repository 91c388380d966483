package io.dash4j.browser;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.DashTable;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * An editable dash_table DataTable, as a person uses it: its headers show, and a cell edited in
 * place (click, type, Enter) sends the table's new {@code data} to a callback that sums a column.
 */
class DataTableBrowserIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(DataTableBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void openApp() {
    browser.openApp(server);
  }

  private static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true).title("data table"));
    app.layout(
        div(
            DashTable.dataTable("table")
                .columns(
                    List.of(
                        Map.of("name", "Fruit", "id", "fruit", "editable", false),
                        Map.of("name", "Quantity", "id", "qty", "type", "numeric")))
                .data(
                    List.of(
                        Map.of("fruit", "apples", "qty", 3),
                        Map.of("fruit", "pears", "qty", 5),
                        Map.of("fruit", "plums", "qty", 7)))
                .editable(true)
                .styleCell(Map.of("textAlign", "left")),
            div().id("total")));

    app.callback(
        Output.of("total", Html.CHILDREN),
        Input.of("table", DashTable.DataTable.DATA),
        rows -> {
          double total = 0;
          String kinds = "";
          for (Object row : rows) {
            Object qty = ((Map<?, ?>) row).get("qty");
            total +=
                qty instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(qty));
            kinds = qty instanceof Number ? kinds : " (text in the column)";
          }
          return "Total: " + (long) total + kinds;
        });
    return app;
  }

  @Test
  void theTableShowsItsHeadersAndRows() {
    browser.waitForText(
        "#table th.dash-header[data-dash-column='fruit'] .column-header-name", "Fruit");
    browser.waitForText(
        "#table th.dash-header[data-dash-column='qty'] .column-header-name", "Quantity");
    browser.waitForText(cell("fruit", 2) + " .dash-cell-value", "plums");
    browser.waitForText(cell("qty", 0) + " .dash-cell-value", "3");
    browser.waitForText("#total", "Total: 15");
    assertThat(browser.devToolsErrorCount()).isZero();
  }

  @Test
  void editingACellSendsTheNewDataToACallback() {
    browser.waitForText("#total", "Total: 15");
    browser.click(cell("qty", 1));
    // typing into a selected cell replaces its value, as in a spreadsheet; Enter commits it
    new Actions(browser.driver()).sendKeys("20").sendKeys(Keys.ENTER).perform();
    browser.waitForText("#total", "Total: 30");
    browser.waitForText(cell("qty", 1) + " .dash-cell-value", "20");
    assertThat(browser.devToolsErrorCount()).isZero();
  }

  private static String cell(String column, int row) {
    return "#table td.dash-cell[data-dash-column='" + column + "'][data-dash-row='" + row + "']";
  }
}
