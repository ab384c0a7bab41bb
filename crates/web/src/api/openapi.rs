//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API. Written out rather
//! than derived, to keep a macro crate out of the build; a test checks that every `/api/` route
//! of the site is described and that nothing else is.

use serde_json::{Value, json};

use super::Json;

fn parameter(name: &str, location: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": location, "required": location == "path", "description": description, "schema": schema })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({
        "200": { "description": description, "content": { "application/json": { "schema": schema } } },
        "400": { "$ref": "#/components/responses/Error" },
        "404": { "$ref": "#/components/responses/Error" }
    })
}

/// The document as JSON.
pub(crate) fn openapi() -> Value {
    let string = json!({ "type": "string" });
    let period = json!({ "type": "string", "pattern": "^[0-9]{4}(-Q[1-4])?$", "examples": ["2024", "2024-Q2"] });
    let number_or_null = json!({ "type": ["number", "null"] });
    let components = schemas(&string, &period, &number_or_null);
    let paths = paths(&string, &period);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "wijkbeeld API",
            "version": "1",
            "description": "Politieke Markt en wijkmonitor. Zonder inloggen: vastgestelde, gepubliceerde indicatoren. Met een API-token (Authorization: Bearer) of sessie: wat de rol mag zien."
        },
        "servers": [{ "url": "/" }],
        "components": components,
        "paths": paths
    })
}

fn schemas(string: &Value, period: &Value, number_or_null: &Value) -> Value {
    json!({
        "securitySchemes": { "token": { "type": "http", "scheme": "bearer" } },
        "responses": {
            "Error": {
                "description": "What is wrong",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Errors" } } }
            }
        },
        "schemas": {
            "Errors": {
                "type": "object",
                "properties": { "errors": { "type": "array", "items": {
                    "type": "object",
                    "properties": { "field": { "type": ["string", "null"] }, "detail": string }
                } } }
            },
            "Area": {
                "type": "object",
                "properties": {
                    "code": { "type": "string", "examples": ["WK016401"] },
                    "name": string,
                    "level": { "enum": ["gemeente", "wijk", "buurt"] },
                    "parent": { "type": ["string", "null"] },
                    "has_boundary": { "type": "boolean" }
                }
            },
            "Indicator": {
                "type": "object",
                "properties": {
                    "code": string, "name": string, "definition": string,
                    "unit": { "enum": ["percentage", "aantal", "per_1000", "score_1_10", "schaal_0_10"] },
                    "direction": { "enum": ["hoger_is_beter", "lager_is_beter", "neutraal"] },
                    "theme": { "enum": ["sociaal", "fysiek", "veiligheid", "participatie"] },
                    "kind": { "enum": ["objectief", "subjectief"] },
                    "source": string,
                    "status": { "enum": ["kandidaat", "vastgesteld", "vervallen"] },
                    "is_key": { "type": "boolean" }, "is_published": { "type": "boolean" },
                    "counts_in_index": { "type": "boolean" }, "decimals": { "type": "integer" }
                }
            },
            "Measurement": {
                "type": "object",
                "properties": {
                    "area": string, "indicator": string, "period": period, "value": { "type": "number" },
                    "sample_size": { "type": ["integer", "null"] }, "margin": number_or_null,
                    "source_note": { "type": ["string", "null"] }
                }
            },
            "Analysis": {
                "type": "object",
                "properties": {
                    "area": string, "name": string, "period": period, "base_period": period,
                    "index": number_or_null, "index_objective": number_or_null, "index_subjective": number_or_null,
                    "themes": { "type": "object", "additionalProperties": number_or_null },
                    "indicators": { "type": "array", "items": {
                        "type": "object",
                        "properties": {
                            "code": string, "name": string, "theme": string,
                            "value_period": { "type": ["string", "null"] }, "value": number_or_null,
                            "score": number_or_null, "excluded": { "type": ["string", "null"] },
                            "change_previous": number_or_null, "change_previous_is_real": { "type": ["boolean", "null"] },
                            "change_baseline": number_or_null, "trend_per_year": number_or_null,
                            "city_value": number_or_null,
                            "target_status": { "enum": ["behaald", "op_koers", "achter", "onbekend", null] }
                        }
                    } }
                }
            }
        }
    })
}

fn paths(string: &Value, period: &Value) -> Value {
    json!({
        "/api/v1/openapi.json": { "get": {
            "summary": "This description",
            "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": {} } } }
        } },
        "/api/v1/areas": { "get": {
            "summary": "Areas: the gemeente, its wijken and buurten with CBS codes",
            "parameters": [parameter("level", "query", "gemeente, wijk or buurt", json!({ "enum": ["gemeente", "wijk", "buurt"] }))],
            "responses": ok("Areas", json!({ "type": "array", "items": { "$ref": "#/components/schemas/Area" } }))
        } },
        "/api/v1/areas/{code}/analysis": { "get": {
            "summary": "An area's analysis: index, theme scores, and per indicator value, score, change, trend and target status",
            "parameters": [
                parameter("code", "path", "CBS code, e.g. WK016401", string.clone()),
                parameter("period", "query", "Default: the latest year with data", period.clone())
            ],
            "responses": ok("The analysis", json!({ "$ref": "#/components/schemas/Analysis" }))
        } },
        "/api/v1/indicators": { "get": {
            "summary": "Indicators the caller may see",
            "responses": ok("Indicators", json!({ "type": "array", "items": { "$ref": "#/components/schemas/Indicator" } }))
        } },
        "/api/v1/measurements": { "get": {
            "summary": "Measurements, filtered and paged",
            "parameters": [
                parameter("area", "query", "CBS code", string.clone()),
                parameter("indicator", "query", "Indicator code", string.clone()),
                parameter("level", "query", "Only areas of this level", json!({ "enum": ["gemeente", "wijk", "buurt"] })),
                parameter("from", "query", "From this period", period.clone()),
                parameter("until", "query", "Up to and including this period", period.clone()),
                parameter("limit", "query", "1 to 10000, default 1000", json!({ "type": "integer", "minimum": 1, "maximum": 10000 })),
                parameter("offset", "query", "Default 0", json!({ "type": "integer", "minimum": 0 }))
            ],
            "responses": ok("A page of measurements", json!({
                "type": "object",
                "properties": {
                    "items": { "type": "array", "items": { "$ref": "#/components/schemas/Measurement" } },
                    "limit": { "type": "integer" }, "offset": { "type": "integer" }, "more": { "type": "boolean" }
                }
            }))
        } },
        "/api/v1/me": { "get": {
            "summary": "The signed-in account and, for sessions, the form token for changes",
            "security": [{ "token": [] }],
            "responses": ok("The account", json!({ "type": "object" }))
        } },
        "/api/v1/audit": { "get": {
            "summary": "The audit log (griffie, admin)",
            "security": [{ "token": [] }],
            "responses": ok("Audit entries", json!({ "type": "array", "items": { "type": "object" } }))
        } }
    })
}

pub(crate) async fn document() -> Json<Value> {
    Json(openapi())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_api_route_is_described_and_nothing_else() {
        let document = super::openapi();
        let described: std::collections::BTreeSet<String> =
            document["paths"].as_object().unwrap().keys().cloned().collect();
        let routed: std::collections::BTreeSet<String> = crate::routes()
            .into_iter()
            .map(|route| route.path.to_owned())
            .filter(|path| path.starts_with("/api/"))
            .collect();
        assert_eq!(described, routed);
    }
}
