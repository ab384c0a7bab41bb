//! `wijkbeeld user …` and `wijkbeeld token …`: accounts and API tokens from the command line,
//! through the same use cases as the web pages (and so the same checks and audit log).

use std::io::BufRead;

use anyhow::{Context, Result};
use wijkbeeld_app::accounts::{self, AccountRequest};
use wijkbeeld_app::{App, Caller};
use wijkbeeld_domain::Id;

use crate::{TokenCommand, UserCommand};

pub(crate) async fn user(app: App, caller: Caller, command: UserCommand) -> Result<()> {
    match command {
        UserCommand::Add { email, role, name, partner, password_stdin } => {
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line).context("cannot read the password from standard input")?;
                Some(line.trim_end_matches(['\r', '\n']).to_owned())
            } else {
                None
            };
            let display_name = name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
            let request = AccountRequest { email, display_name, role: Some(role), partner, password };
            let created = accounts::create_account(&app, &caller, &request).await?;
            println!("Added the account {} ({}).", created.email, role.code());
            if let Some(password) = created.generated_password {
                println!("Password (shown only now): {password}");
            }
        }
        UserCommand::List { json } => {
            let listing = accounts::accounts(&app, &caller).await?;
            let partner_of =
                |user: &wijkbeeld_domain::access::User| listing.partner_of(user.partner_id).map(ToOwned::to_owned);
            if json {
                let rows: Vec<serde_json::Value> = listing
                    .items
                    .iter()
                    .map(|user| {
                        serde_json::json!({
                            "id": user.id, "email": user.email, "name": user.display_name,
                            "role": user.role, "partner": partner_of(user), "disabled": user.disabled_at.is_some(),
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                println!("{:<5} {:<32} {:<9} {:<28} partner", "id", "email", "role", "name");
                for user in &listing.items {
                    println!(
                        "{:<5} {:<32} {:<9} {:<28} {}",
                        user.id,
                        user.email,
                        user.role.code(),
                        user.display_name,
                        partner_of(user).unwrap_or_default()
                    );
                }
            }
        }
        UserCommand::SetRole { email, role, partner } => {
            let before = accounts::change_role_by_email(&app, &caller, &email, role, partner.as_deref()).await?;
            println!("{} now has the role {} (was {}).", before.email, role.code(), before.role.code());
        }
    }
    Ok(())
}

pub(crate) async fn token(app: App, caller: Caller, command: TokenCommand) -> Result<()> {
    match command {
        TokenCommand::Create { name, role, partner } => {
            let created = accounts::create_api_token(&app, &caller, &name, role, partner.as_deref()).await?;
            println!("Made API token {} ({}) for the role {}.", created.id, name.trim(), role.code());
            println!("Token (shown only now; send it as 'Authorization: Bearer …'): {}", created.secret);
        }
        TokenCommand::List { json } => {
            let tokens = accounts::api_tokens(&app, &caller).await?.items;
            if json {
                println!("{}", serde_json::to_string_pretty(&tokens)?);
            } else {
                println!("{:<5} {:<32} {:<9} {:<10} status", "id", "name", "role", "created");
                for token in &tokens {
                    println!(
                        "{:<5} {:<32} {:<9} {:<10} {}",
                        token.id,
                        token.name,
                        token.role.code(),
                        token.created_at.date(),
                        if token.revoked_at.is_some() { "revoked" } else { "active" }
                    );
                }
            }
        }
        TokenCommand::Revoke { id } => {
            let token = accounts::revoke_api_token(&app, &caller, Id::new(id)).await?;
            println!("Revoked API token {} ({}).", token.id, token.name);
        }
    }
    Ok(())
}
