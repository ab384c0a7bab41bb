//! `wijkbeeld user …` and `wijkbeeld token …`: accounts and API tokens from the command line,
//! through the same use cases as the web pages (and so the same checks and audit log).

use std::collections::HashMap;
use std::io::BufRead;

use anyhow::{Context, Result};
use wijkbeeld_domain::Id;
use wijkbeeld_store::{Store, accounts as stored, partners};
use wijkbeeld_web::Clock;
use wijkbeeld_web::accounts::{self, AccountRequest, Actor};

use crate::{TokenCommand, UserCommand};

/// The command line writes in the audit log as `cli`.
fn actor() -> Actor {
    Actor { user_id: None, name: "cli".to_owned() }
}

async fn partner_names(store: &Store) -> Result<HashMap<i64, String>> {
    let mut tx = store.begin().await?;
    Ok(partners::list(&mut tx).await?.into_iter().map(|partner| (partner.id.get(), partner.name)).collect())
}

pub(crate) async fn user(store: Store, command: UserCommand) -> Result<()> {
    let now = Clock::System.now();
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
            let created = accounts::create_account(&store, &request, &actor(), now).await?;
            println!("Added the account {} ({}).", created.email, role.code());
            if let Some(password) = created.generated_password {
                println!("Password (shown only now): {password}");
            }
        }
        UserCommand::List { json } => {
            let mut tx = store.begin().await?;
            let users = stored::users(&mut tx).await?;
            drop(tx);
            let partners = partner_names(&store).await?;
            let partner_of =
                |user: &wijkbeeld_domain::access::User| user.partner_id.and_then(|id| partners.get(&id.get()).cloned());
            if json {
                let rows: Vec<serde_json::Value> = users
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
                for user in &users {
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
            let user = accounts::find_by_email(&store, &email).await?;
            accounts::change_role(&store, user.id, role, partner.as_deref(), &actor(), now).await?;
            println!("{} now has the role {} (was {}).", user.email, role.code(), user.role.code());
        }
    }
    Ok(())
}

pub(crate) async fn token(store: Store, command: TokenCommand) -> Result<()> {
    let now = Clock::System.now();
    match command {
        TokenCommand::Create { name, role, partner } => {
            let created = accounts::create_api_token(&store, &name, role, partner.as_deref(), &actor(), now).await?;
            println!("Made API token {} ({}) for the role {}.", created.id, name.trim(), role.code());
            println!("Token (shown only now; send it as 'Authorization: Bearer …'): {}", created.secret);
        }
        TokenCommand::List { json } => {
            let mut tx = store.begin().await?;
            let tokens = stored::api_tokens(&mut tx).await?;
            drop(tx);
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
            let token = accounts::revoke_api_token(&store, Id::new(id), &actor(), now).await?;
            println!("Revoked API token {} ({}).", token.id, token.name);
        }
    }
    Ok(())
}
